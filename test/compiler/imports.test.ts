// A name declared in a file of the workspace that the policy does not
// import: still unknown, with a note at its declaration and the import to add.
import { describe, expect, it } from 'vitest';
import { checkWorkspace, memoryHost } from '../../compiler/index.js';

const root = `policy P version "1" "Test"
section "1" "Scope"
error E1 "Failed" ref "1" { report R1 }
migration {
  on failure fail E1
  step Commission ref "1" by Provider
}
`;

const parties = `party Provider "Service provider"
report R1 "Failures" to Provider
`;

describe('a name declared in a file the policy does not import', () => {
  const { diagnostics } = checkWorkspace(['/p/main.mpol', '/p/parties.mpol'], memoryHost({ '/p/main.mpol': root, '/p/parties.mpol': parties }));
  const unknown = diagnostics.filter((d) => d.code === 'unknown-name');

  it('is reported unknown, with a note at its declaration', () => {
    expect(unknown.map((d) => d.message)).toEqual(['unknown report `R1`', 'unknown party `Provider`']);
    const note = unknown[0]!.notes[0]!;
    // The message names the file as the root's folder sees it; the note's location is the absolute path.
    expect(note.message).toBe('`R1` is declared in `parties.mpol`, which this policy does not import');
    expect(note.file).toBe('/p/parties.mpol');
    expect(parties.slice(note.span.start, note.span.end)).toBe('R1');
  });

  it('says which import to add', () => {
    expect(unknown.map((d) => d.help)).toEqual(['add `import "parties.mpol"` to `main.mpol`', 'add `import "parties.mpol"` to `main.mpol`']);
  });

  it('is not offered from a file of another policy', () => {
    const other = 'policy Q version "1" "Other"\nparty Provider "Elsewhere"\n';
    const result = checkWorkspace(['/p/main.mpol', '/p/other.mpol'], memoryHost({ '/p/main.mpol': root, '/p/other.mpol': other }));
    const provider = result.diagnostics.find((d) => d.message === 'unknown party `Provider`');
    expect(provider?.notes).toEqual([]);
  });

  it('offers the import of a file in a folder beside the root, by a relative path', () => {
    const result = checkWorkspace(['/p/main.mpol', '/shared/parties.mpol'], memoryHost({ '/p/main.mpol': root, '/shared/parties.mpol': parties }));
    const r1 = result.diagnostics.find((d) => d.message === 'unknown report `R1`')!;
    expect(r1.notes.map((n) => n.message)).toEqual(['`R1` is declared in `../shared/parties.mpol`, which this policy does not import']);
    expect(r1.help).toBe('add `import "../shared/parties.mpol"` to `main.mpol`');
    expect(r1.fixes[0]!.edits[0]!.text).toBe('import "../shared/parties.mpol"\n');
  });

  it('prefers the import to a near name of the policy', () => {
    const near = `${root}report R2 "Near" to Provider\n`;
    const result = checkWorkspace(['/p/main.mpol', '/p/parties.mpol'], memoryHost({ '/p/main.mpol': near, '/p/parties.mpol': parties }));
    expect(result.diagnostics.find((d) => d.message === 'unknown report `R1`')?.help).toBe('add `import "parties.mpol"` to `main.mpol`');
  });
});
