// What a hover says about each kind of name.
import { describe, expect, it } from 'vitest';
import { describeLocalName, describeTarget, nameAt } from '../../../compiler/index.js';
import { parse } from '../../../grammar/index.js';
import { marked } from '../../lsp/harness.js';
import { markedPolicy } from './helpers.js';

const root = '/p/main.mpol';

const policy = markedPolicy({
  [root]: `policy P version "1" "Test"
section "1" "Scope"
section "3.1" "Commissioning *retry*"
party <|>S1SP "SMETS1 Service Provider"
party DCC "Data Communications Company"
report <|>MRR6 "Installation failures" to S1SP
artefact <|>MVF "Migration Validation File" by S1SP
installation { <|>type: Active | <|>Dormant }
cohort <|>IOC "Initial Operating Capability"
cohort MOC "Middle Operating Capability" { group <|>DA "Account switch" }
error <|>MA122 "Installation failed" ref "1" {
  report MRR6
  resubmit
  responsible S1SP
}
error <|>MA900 "Anything else" ref "9" { report MRR6 }
retry <|>IocS1sp ref "3.1" {
  tier short: 3 retries every 5m
  tier long: every 30m
  within 48h
  timeout 10m
}
retry <|>Broken ref "3.1" { within 1h }
migration {
  on failure fail MA900
  stage <|>Commissioning ref "1" by DCC when cohort IOC or group DA {
    step <|>Commission ref "1" when installation.type == Active {
      retry IocS1sp
      produces MVF
      within 24h after MVF else fail MA122
      undo <|>Decommission by S1SP
      on exhausted fail MA122
    }
  }
}
error <|>MA901 "Rolled back" ref "1" { report MRR6 resubmit after rollback }
`,
});

const hoverAt = (index: number): string => {
  const name = nameAt(policy.table, root, policy.cursors.get(root)![index]!)!;
  return describeTarget(name.target!, policy.table, policy.facts);
};

describe('hover', () => {
  it('gives a party its kind and title', () => {
    expect(hoverAt(0)).toBe('**party** `S1SP` — SMETS1 Service Provider');
  });

  it('gives a report its recipient and an artefact its producer', () => {
    expect(hoverAt(1)).toBe('**report** `MRR6` — Installation failures\n\n- sent to `S1SP` (SMETS1 Service Provider)');
    expect(hoverAt(2)).toBe('**artefact** `MVF` — Migration Validation File\n\n- produced by `S1SP` (SMETS1 Service Provider)');
  });

  it('gives a field its type and a member its field', () => {
    expect(hoverAt(3)).toBe('**installation field** `type`: `Active` | `Dormant`');
    expect(hoverAt(4)).toBe('**value** `Dormant` of `installation.type`');
  });

  it('gives a cohort its title and a group its cohort', () => {
    expect(hoverAt(5)).toBe('**cohort** `IOC` — Initial Operating Capability');
    expect(hoverAt(6)).toBe('**group** `DA` — Account switch\n\n- in cohort `MOC` (Middle Operating Capability)');
  });

  it('gives an error code its ref with the section title, reports, resubmission and responsible party', () => {
    expect(hoverAt(7)).toBe(
      [
        '**error code** `MA122` — Installation failed',
        'ref `1` — Scope',
        '- reported in `MRR6` (Installation failures)\n- the installation may be resubmitted\n- responsible: `S1SP` (SMETS1 Service Provider)',
      ].join('\n\n'),
    );
  });

  it('says when a ref names no declared section', () => {
    expect(hoverAt(8)).toContain('ref `9` (not declared)');
    expect(hoverAt(8)).toContain('- no resubmission\n- no responsible party');
    expect(hoverAt(14)).toContain('- the installation may be resubmitted once rolled back\n');
  });

  it('gives a retry strategy its tiers, limits and timeline, escaping the section title', () => {
    expect(hoverAt(9)).toBe(
      [
        '**retry strategy** `IocS1sp`',
        'ref `3.1` — Commissioning \\*retry\\*',
        '- tier `short`: 3 retries every 5m\n- tier `long`: every 30m\n- within 48h · timeout 10m · jitter none',
        'Timeline: attempt 1 at 0s, 2 at 5m, 3 at 10m, 4 at 15m, 5 at 45m, … 98 at 47h15m, 99 at 47h45m; gives up at 48h.',
      ].join('\n\n'),
    );
  });

  it('says a strategy too broken for a timeline has none', () => {
    expect(hoverAt(10)).toContain('No timeline until the strategy is complete.');
  });

  it('gives a stage its party and guard', () => {
    expect(hoverAt(11)).toBe('**stage** `Commissioning`\n\nref `1` — Scope\n\n- by `DCC` (Data Communications Company)\n- `when cohort IOC or group DA`');
  });

  it('gives a step what it inherits, for whom it runs, its strategy, deadline, undo and actions', () => {
    expect(hoverAt(12)).toBe(
      [
        '**step** `Commission`',
        'ref `1` — Scope',
        [
          '- in stage `Commissioning`',
          '- by `DCC` (Data Communications Company)',
          '- guards: `when cohort IOC or group DA`, `when installation.type == Active`',
          '- depends on the installation for IOC, MOC/DA; never for MOC',
          '- retry `IocS1sp` (99 attempts over 48h)',
          '- `within 24h after MVF else fail MA122`',
          '- produces `MVF` (Migration Validation File)',
          '- undo `Decommission` by `S1SP` (SMETS1 Service Provider)',
          '- on failure: `fail MA900`',
          '- on exhausted: `fail MA122`',
        ].join('\n'),
      ].join('\n\n'),
    );
  });

  it('gives an undo its party', () => {
    expect(hoverAt(13)).toBe('**undo** `Decommission`\n\n- by `S1SP` (SMETS1 Service Provider)');
  });

  it('shows what the syntax says of a step the last check has not seen', () => {
    const name = nameAt(policy.table, root, policy.cursors.get(root)![12]!)!;
    expect(describeTarget(name.target!, policy.table, { root, steps: new Map() })).toBe('**step** `Commission`\n\nref `1` — Scope');
  });
});

describe('hover on the names no namespace holds', () => {
  const { text, offsets } = marked(`policy <|>Mehrs version "2.1" "MEHRS *v2*"
retry Quick {
  tier <|>short: 3 retries every 5m
  tier <|>long: every 30m factor 2 cap 2h
  within 48h
}
party <|>Nobody "Nobody"
`);
  const tree = parse(text, root).tree;
  const hover = (index: number) => describeLocalName(root, tree, offsets[index]!);

  it('gives the policy its kind, title and version, as a declaration', () => {
    expect(hover(0)).toEqual({ span: { start: 7, end: 12 }, markdown: '**policy** `Mehrs` — MEHRS \\*v2\\*\n\n- version `2\\.1`' });
  });

  it('gives a tier its strategy and schedule', () => {
    expect(hover(1)?.markdown).toBe('**retry tier** `short` of retry strategy `Quick`\n\n- tier `short`: 3 retries every 5m');
    expect(hover(2)?.markdown).toBe('**retry tier** `long` of retry strategy `Quick`\n\n- tier `long`: every 30m factor 2 cap 2h');
  });

  it('leaves every other name to the symbol table', () => {
    expect(hover(3)).toBeUndefined();
  });

  it('answers in a file with syntax errors, and nothing where the policy line was abandoned', () => {
    const broken = parse('policy P version "1" "Pilot"\nparty \nretry R { tier t: every }\n', root);
    expect(describeLocalName(root, broken.tree, 'policy P'.length)?.markdown).toBe('**policy** `P` — Pilot\n\n- version `1`');
    const tier = 'policy P version "1" "Pilot"\nparty \nretry R { tier '.length;
    expect(describeLocalName(root, broken.tree, tier)?.markdown ?? '').not.toContain('every');
    expect(describeLocalName(root, parse('policy P version', root).tree, 'policy P'.length)).toBeUndefined();
  });
});
