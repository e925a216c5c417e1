/**
 * `--format sarif`: a SARIF 2.1.0 log, for code-scanning services. The
 * rules are the whole message catalog, so a result's `ruleIndex` is the
 * code's place in the catalog.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticCodes, messages, type Diagnostic, type Fix, type Span } from '../grammar/index.js';
import { rangeLocator } from './locate.js';

export interface SarifOptions {
  readonly version: string;
  /** The folder the diagnostics' paths are relative to. */
  readonly cwd: string;
}

const schema = 'https://json.schemastore.org/sarif-2.1.0.json';
const rootId = 'SRCROOT';

export function formatSarif(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, options: SarifOptions): string {
  const locate = rangeLocator(texts);
  const location = (file: string, span: Span) => {
    const range = locate(file, span);
    return {
      physicalLocation: {
        artifactLocation: artifactLocation(file),
        ...(range === undefined
          ? {}
          : { region: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn } }),
      },
    };
  };

  const region = (file: string, span: Span) => {
    const range = locate(file, span);
    return range === undefined ? {} : { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
  };
  // A fix is a set of replacements, one artifact change per file it edits.
  const fix = (f: Fix) => ({
    description: { text: f.message },
    artifactChanges: [...new Set(f.edits.map((edit) => edit.file))].map((file) => ({
      artifactLocation: artifactLocation(file),
      replacements: f.edits.filter((edit) => edit.file === file).map((edit) => ({ deletedRegion: region(file, edit.span), insertedContent: { text: edit.text } })),
    })),
  });

  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: diagnosticCodes.indexOf(d.code),
    level: d.severity,
    message: { text: d.message },
    locations: [location(d.file, d.span)],
    ...(d.notes.length === 0
      ? {}
      : { relatedLocations: d.notes.map((note, id) => ({ id, ...location(note.file, note.span), message: { text: note.message } })) }),
    // SARIF has no field for a suggestion, so help goes in the property bag.
    ...(d.help === undefined ? {} : { properties: { help: d.help } }),
    ...(d.fixes.length === 0 ? {} : { fixes: d.fixes.map(fix) }),
  }));

  const rules = diagnosticCodes.map((code) => ({
    id: code,
    shortDescription: { text: messages[code].summary },
    defaultConfiguration: { level: messages[code].severity },
  }));

  const log = {
    version: '2.1.0',
    $schema: schema,
    runs: [
      {
        tool: { driver: { name: 'mpol', version: options.version, rules } },
        originalUriBaseIds: { [rootId]: { uri: folderUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * A relative path becomes a URI reference against the working folder:
 * forward slashes, each segment escaped. A path outside it (shown absolute)
 * becomes a `file:` URI of its own.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: rootId };
}

// SARIF requires a base URI to end with a slash.
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}
