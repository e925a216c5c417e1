// A file's outline: declarations, and the flow nested as written.
import { describe, expect, it } from 'vitest';
import { flattenOutline, outline, type OutlineItem } from '../../../compiler/index.js';
import { parse } from '../../../grammar/index.js';

const text = `policy P version "1" "Test"
import "parties.mpol"
section "1" "Scope"
installation { type: Active | Dormant  meters: number }
cohort MOC "Middle" { group DA "Switch" }
retry R { tier short: 3 retries every 5m }
exclude after 5 failed attempts
migration {
  check MA001 external
  stage Validation by P {
    step Commission by P { undo Decommission by P }
  }
}
`;

const shape = (items: readonly OutlineItem[]): unknown[] => items.map((item) => (item.children.length === 0 ? `${item.kind} ${item.name}` : [`${item.kind} ${item.name}`, shape(item.children)]));

describe('outline', () => {
  it('nests fields, groups, tiers, stages, steps and undos under what holds them', () => {
    expect(shape(outline(parse(text, 'f').tree))).toEqual([
      'policy P',
      'import parties.mpol',
      'section 1',
      ['installation installation', [['field type', ['member Active', 'member Dormant']], 'field meters']],
      ['cohort MOC', ['group DA']],
      ['retry R', ['tier short']],
      'exclusion exclude',
      ['migration migration', ['check MA001', ['stage Validation', [['step Commission', ['undo Decommission']]]]]],
    ]);
  });

  it('selects the name and spans the whole declaration', () => {
    const [, , , , , retry] = outline(parse(text, 'f').tree);
    expect(text.slice(retry!.selection.start, retry!.selection.end)).toBe('R');
    expect(text.slice(retry!.span.start, retry!.span.end)).toBe('retry R { tier short: 3 retries every 5m }');
  });

  it('gives titles and short descriptions as details', () => {
    const items = flattenOutline(outline(parse(text, 'f').tree));
    const detail = (name: string) => items.find(({ item }) => item.name === name)?.item.detail;
    expect([detail('P'), detail('1'), detail('MOC'), detail('meters'), detail('MA001'), detail('Commission'), detail('exclude')]).toEqual(['Test', 'Scope', 'Middle', 'number', 'external', 'by P', 'after 5 failed attempts']);
    expect(items.find(({ item }) => item.name === 'Commission')?.container).toBe('Validation');
  });

  it('keeps what a declaration with a lost name holds, and leaves out one that holds nothing', () => {
    expect(shape(outline(parse('party "x"\nmigration { stage { step A by P } }\n', 'f').tree))).toEqual([['migration migration', [['stage ?', ['step A']]]]]);
  });
});
