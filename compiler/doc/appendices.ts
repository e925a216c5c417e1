/**
 * The appendices: every assumed value and where it lives, so a reviewer
 * sees at once what is not public; and the vocabulary the rules use.
 */
import type { PolicyModel } from '../model.js';
import type { Assumptions } from './assumptions.js';
import type { DocumentBuilder, Text } from './document.js';

/** Values longer than this are cut in the table; the file holds the rest. */
const valueLength = 160;

export function describeAssumptions(doc: DocumentBuilder, heading: string, assumptions: Assumptions, shown: (file: string) => string): void {
  doc.heading(2, heading);
  doc.paragraph(
    'Values that are not taken from a public source: every declaration in a file named ',
    { code: 'assumptions.mpol' },
    ', and every declaration or line that a comment marks as assumed. Correct them where they live, and generate this document again.',
  );
  for (const note of assumptions.notes) doc.paragraph({ code: `${shown(note.file)}:${note.line}` }, `: ${note.text}`);
  if (assumptions.values.length === 0) {
    doc.paragraph('Nothing is marked as assumed.');
    return;
  }
  const values = [...assumptions.values].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  doc.table(
    ['Where', 'What', 'Value', 'Why'],
    values.map((value): Text[] => [
      [{ code: `${shown(value.file)}:${value.line}` }],
      [value.subject],
      [{ code: value.value.length > valueLength ? `${value.value.slice(0, valueLength - 1)}…` : value.value }],
      [value.note ?? ''],
    ]),
  );
}

export function describeVocabulary(doc: DocumentBuilder, model: PolicyModel): void {
  doc.heading(2, 'Appendix B: vocabulary');
  doc.heading(3, 'Parties');
  doc.table(['Party', 'Who'], [...model.parties].map(([name, party]) => [[name], [party.title]]));
  if (model.artefacts.size > 0) {
    doc.heading(3, 'Artefacts');
    doc.table(['Artefact', 'What', 'Produced by'], [...model.artefacts].map(([name, artefact]) => [[name], [artefact.title], [artefact.producer ?? '']]));
  }
  doc.heading(3, 'Reports');
  doc.table(['Report', 'What', 'Sent to'], [...model.reports].map(([name, report]) => [[name], [report.title], [report.recipient ?? '']]));
  doc.heading(3, 'Cohorts and groups');
  doc.table(['Cohort', 'Title', 'Groups'], [...model.cohorts].map(([name, cohort]) => [[name], [cohort.title], [cohort.groups.join(', ')]]));
  if (model.fields.length > 0) {
    doc.heading(3, 'Installation fields');
    doc.table(
      ['Field', 'Type'],
      model.fields.map((field) => [[{ code: `installation.${field.name}` }], [field.type.kind === 'enum' ? `one of ${field.type.members.join(', ')}` : field.type.kind]]),
    );
  }
}
