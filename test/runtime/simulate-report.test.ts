/**
 * `formatSummary`: the text tables the command line prints.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, simulate } from '../../runtime/index.js';
import { check, fail, policy, step } from './builder.js';

describe('formatSummary', () => {
  it('prints outcomes and times per population, failures by code and report, and the rest', async () => {
    const compiled = policy([check('MA001', (installation) => installation.listed === true), step('A', { onFailure: fail('X1') })]);
    const faults = { steps: { A: { permanent: 0.5, duration: '90s' } }, installation: { listed: { bool: 0.5 } } };
    const text = formatSummary(await simulate(compiled, { faults, cohorts: { C: 1000, 'C/G': 10 }, seed: 5 }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Test 1, seed 5: 1,010 installations');
    expect(lines[2]).toMatch(/^population\s+installations\s+migrated\s+failed\s+rolled back\s+p50\s+p90\s+p99\s+max$/);
    expect(lines[3]).toMatch(/^C\s+1,000\s/);
    expect(lines[4]).toMatch(/^C\/G\s+10\s/);
    expect(lines[5]).toMatch(/^total\s+1,010\s+\d+\s+\d+\s+0\s+1m30s\s+1m30s\s+1m30s\s+1m30s$/);
    expect(text).toContain('failures by code');
    expect(text).toMatch(/\nMA001\s+\d+\s+\d+\s+\d+\n/);
    expect(text).toMatch(/failures by report\s+C\s+C\/G\s+total\nR1\s/);
    expect(text).toContain('rollbacks: 0 started, 0 rolled back, 0 stopped at a failed undo; 0 with nothing to undo failed plainly');
    expect(text).toMatch(/step attempts per installation: mean 0\.\d+, max 1\n {2}0: [\d,]+ {2}1: [\d,]+\n/);
    expect(text.endsWith('timelines kept\n')).toBe(true);
  });
});
