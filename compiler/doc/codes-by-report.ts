/**
 * The error codes grouped by the report they appear in: what a reader of a
 * report needs to know about each line in it.
 */
import type { ErrorModel, PolicyModel } from '../model.js';
import type { CodeSource } from './code-sources.js';
import type { DocumentBuilder, Text } from './document.js';
import { sourceWords } from './rules-declarations.js';
import { linkTo, ruleHeading } from './words.js';

export function describeCodesByReport(doc: DocumentBuilder, model: PolicyModel, sources: ReadonlyMap<string, readonly CodeSource[]>): void {
  doc.heading(2, 'Error codes by report');
  doc.paragraph('Every error code under each report it appears in; a code in several reports is listed under each.');
  const errors = [...model.errors.values()];
  const groups: [string, ErrorModel[]][] = [...model.reports].map(([report, declared]) => [
    `${report}: ${declared.title}${declared.recipient === undefined ? '' : `, to ${declared.recipient}`}`,
    errors.filter((error) => error.reports.includes(report)),
  ]);
  const unreported = errors.filter((error) => error.reports.length === 0);
  if (unreported.length > 0) groups.push(['Codes in no report', unreported]);
  for (const [heading, codes] of groups) {
    doc.heading(3, heading);
    if (codes.length === 0) {
      doc.paragraph('No code appears in this report.');
      continue;
    }
    doc.table(
      ['Code', 'Title', 'Section', 'Resubmission', 'Responsible', 'Produced by'],
      codes.map((error): Text[] => [
        [linkTo(ruleHeading.error(error.name), error.name)],
        [error.title],
        [error.ref ?? ''],
        [error.resubmit === 'always' ? 'allowed' : error.resubmit === 'after-rollback' ? 'allowed after a rollback' : 'not allowed'],
        [error.responsible ?? ''],
        sourceWords(sources.get(error.name) ?? []),
      ]),
    );
  }
}
