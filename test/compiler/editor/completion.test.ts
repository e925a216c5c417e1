// Completion knows where the cursor is: the keywords the grammar accepts
// there, and the declared names of the kind the place takes.
import { describe, expect, it } from 'vitest';
import { completionsAt, symbolTableOf, type Completion } from '../../../compiler/index.js';
import { parse } from '../../../grammar/index.js';
import { marked } from '../../lsp/harness.js';

const declarations = `policy P version "1" "Test"
section "1" "Scope"
section "2.5" "Account switch"
party S1SP "Service provider"
party DCC "Data company"
report MRR6 "Failures" to S1SP
artefact MVF "Validation file" by S1SP
installation { type: Active | Dormant  meters: number }
cohort IOC "Initial" { group DA "Switch" }
error MA122 "Failed" ref "1" { report MRR6 }
error MA900 "Other" ref "1" { report MRR6 }
retry Quick ref "1" { tier t: 2 retries every 1m }
`;

/** The completions at the cursor `<|>` of a snippet written after the declarations above. */
function complete(snippet: string): { items: Completion[]; replaced: string } {
  const { text, offsets } = marked(declarations + snippet);
  const { tree, unread } = parse(text, '/p.mpol');
  const file = { path: '/p.mpol', text, tree, unread };
  const result = completionsAt(file, symbolTableOf([file]), offsets[0]!);
  return { items: [...result.items], replaced: text.slice(result.replace.start, result.replace.end) };
}

const labels = (snippet: string, kind?: Completion['kind']): string[] => complete(snippet).items.filter((item) => kind === undefined || item.kind === kind).map((item) => item.label);

describe('completion of names', () => {
  it('offers parties after `by`, with their titles', () => {
    expect(complete('migration {\n  step A by <|>\n}\n').items).toEqual([
      { label: 'S1SP', kind: 'party', detail: 'Service provider' },
      { label: 'DCC', kind: 'party', detail: 'Data company' },
    ]);
  });

  it('offers error codes after `fail`, in a handler, a deadline and a list of `may fail`', () => {
    expect(labels('migration {\n  on failure fail <|>\n}\n')).toEqual(['MA122', 'MA900']);
    expect(labels('migration {\n  step A by S1SP { within 2h after MVF else fail M<|> }\n}\n')).toEqual(['MA122', 'MA900']);
    expect(labels('migration {\n  step A by S1SP { may fail MA122, <|> }\n}\n')).toEqual(['MA122', 'MA900']);
  });

  it('offers strategies after `retry` in a step, and nothing after `retry` that declares one', () => {
    expect(labels('migration {\n  step A by S1SP {\n    retry <|>\n  }\n}\n')).toEqual(['Quick']);
    expect(labels('retry <|>')).toEqual([]);
  });

  it('offers artefacts and steps after a deadline’s `after`', () => {
    expect(labels('migration {\n  step Z by S1SP\n  step A by S1SP { within 2h after <|> }\n}\n')).toEqual(['MVF', 'Z', 'A']);
  });

  it('offers reports in an error’s list, and nothing for the name a `report` declares', () => {
    expect(labels('error E1 "x" { report MRR6, <|> }')).toEqual(['MRR6']);
    expect(labels('report <|>')).toEqual([]);
  });

  it('offers cohorts and groups in guards', () => {
    expect(labels('migration {\n  step A by S1SP when cohort <|>\n}\n', 'cohort')).toEqual(['IOC']);
    expect(labels('migration {\n  step A by S1SP when not group <|>\n}\n', 'group')).toEqual(['DA']);
  });

  it('offers installation fields after `installation.`, and members after a comparison with an enumerated field', () => {
    expect(complete('migration {\n  step A by S1SP when installation.<|>\n}\n').items.filter((i) => i.kind === 'field')).toEqual([
      { label: 'type', kind: 'field', detail: 'Active | Dormant' },
      { label: 'meters', kind: 'field', detail: 'number' },
    ]);
    expect(labels('migration {\n  check MA122 requires installation.type != <|>\n}\n', 'member')).toEqual(['Active', 'Dormant']);
  });

  it('replaces the word typed so far', () => {
    expect(complete('migration {\n  step A by S1<|>SP\n}\n').replaced).toBe('S1SP');
  });
});

describe('completion of keywords', () => {
  it('offers the declarations at the top level', () => {
    expect(labels('<|>', 'keyword')).toEqual(['policy', 'import', 'section', 'party', 'artefact', 'report', 'installation', 'error', 'retry', 'cohort', 'exclude', 'migration']);
  });

  it('offers what may follow a step’s name, and the items of a step', () => {
    expect(labels('migration {\n  step A <|>\n}\n', 'keyword')).toEqual(expect.arrayContaining(['ref', 'by', 'when', 'unless', 'step', 'check', 'stage']));
    expect(labels('migration {\n  step A by S1SP {\n    <|>\n  }\n}\n', 'keyword')).toEqual(['retry', 'await', 'within', 'produces', 'may', 'undo', 'commit', 'on']);
    expect(labels('migration {\n  step A by S1SP {\n    on <|>\n  }\n}\n', 'keyword')).toEqual(['failure', 'exhausted']);
  });

  it('offers the items of a strategy and of an error', () => {
    expect(labels('retry R {\n  <|>\n}\n', 'keyword')).toEqual(['tier', 'within', 'attempts', 'timeout', 'jitter']);
    expect(labels('error E1 "x" {\n  <|>\n}\n', 'keyword')).toEqual(['report', 'resubmit', 'responsible']);
  });

  it('works in a block whose `}` is not typed yet', () => {
    expect(labels('migration {\n  step A by S1SP {\n    on failure <|>', 'keyword')).toEqual(['fail', 'rollback', 'incident']);
  });
});

describe('completion of literals', () => {
  it('offers duration units after a number where a duration goes', () => {
    expect(complete('retry R { tier t: every 30<|> }').items).toEqual([
      { label: '30ms', kind: 'duration', detail: 'milliseconds' },
      { label: '30s', kind: 'duration', detail: 'seconds' },
      { label: '30m', kind: 'duration', detail: 'minutes' },
      { label: '30h', kind: 'duration', detail: 'hours' },
      { label: '30d', kind: 'duration', detail: 'days' },
    ]);
    expect(labels('retry R { tier t: 3<|> retries every 1m }')).toEqual([]);
  });

  it('offers sections inside the string of a `ref`', () => {
    const result = complete('error E2 "x" ref "2<|>" { report MRR6 }');
    expect(result.items.map((i) => [i.label, i.detail])).toEqual([
      ['1', 'Scope'],
      ['2.5', 'Account switch'],
    ]);
    expect(result.replaced).toBe('2');
  });

  it('offers nothing in a comment or a title', () => {
    expect(labels('// by <|>\n')).toEqual([]);
    expect(labels('party X "by <|>"\n')).toEqual([]);
  });
});
