// The TextMate grammar of the VS Code extension: generated from the keyword
// categories of grammar/tokens.ts (grammar/textmate.ts), committed in
// vscode-extension/syntaxes/, and run here by VS Code's own engine
// (vscode-textmate) so that a token scoped wrongly fails a case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keywordCategories, type KeywordCategory } from '../../grammar/index.js';
import { keywordScopes, tmGrammar } from '../../grammar/textmate.js';
import { committedGrammar, loadGrammar, type Token } from './textmate.js';

let tokenize: (text: string) => Token[];

beforeAll(async () => {
  tokenize = await loadGrammar(committedGrammar());
});

/** The innermost scope of the `nth` token (from 0) whose text is exactly `text`. */
function scopeOf(source: string, text: string, nth = 0): string {
  const found = tokenize(source).filter((token) => token.text === text);
  const token = found[nth];
  if (token === undefined) throw new Error(`no token ${JSON.stringify(text)} (${nth}) in ${JSON.stringify(source)}: ${JSON.stringify(tokenize(source).map((t) => t.text))}`);
  return token.scopes.at(-1)!;
}

describe('the TextMate grammar', () => {
  it('is the one grammar/textmate.ts generates (run `npm run package` after changing the keywords)', () => {
    expect(committedGrammar()).toEqual(JSON.parse(JSON.stringify(tmGrammar())));
  });

  describe('scopes every keyword by its category', () => {
    for (const category of Object.keys(keywordCategories) as KeywordCategory[]) {
      it(category, () => {
        const wrong = keywordCategories[category].filter((word) => scopeOf(`  ${word}  `, word) !== keywordScopes[category]);
        expect(wrong).toEqual([]);
      });
    }
  });

  // [source, token, expected innermost scope, which occurrence]
  const cases: [string, string, string, number?][] = [
    // Declarations: the name after the keyword that says its kind.
    ['policy Example version "1.0" "Example"', 'Example', 'entity.name.type.policy.mpol'],
    ['policy Example version "1.0" "Example"', 'version', 'keyword.control.mpol'],
    ['party Provider "Service provider"', 'Provider', 'entity.name.type.party.mpol'],
    ['artefact Manifest "Manifest file"', 'Manifest', 'entity.name.type.artefact.mpol'],
    ['report Failures "Failure report" to Provider', 'Failures', 'entity.name.type.report.mpol'],
    ['report Failures "Failure report" to Provider', 'Provider', 'variable.other.party.mpol'],
    ['error EX001 "Not listed" ref "A.1" {', 'EX001', 'entity.name.type.error-code.mpol'],
    ['retry Commissioning ref "3.1" {', 'Commissioning', 'entity.name.type.retry-strategy.mpol'],
    ['  tier short: 3 retries every 5m', 'short', 'entity.name.type.tier.mpol'],
    ['cohort IOC "Initial Operating Capability"', 'IOC', 'entity.name.type.cohort.mpol'],
    ['  group DA "Switching accounts"', 'DA', 'entity.name.type.group.mpol'],
    ['  stage Validation ref "2.1" by Validator {', 'Validation', 'entity.name.type.stage.mpol'],
    ['  step SwitchAccount ref "2.2" by Operator when group DA {', 'SwitchAccount', 'entity.name.function.step.mpol'],
    ['    undo SwitchBack by Provider ref "2.2"', 'SwitchBack', 'entity.name.function.undo.mpol'],
    // References: the name after the keyword that says what it refers to.
    ['  step SwitchAccount ref "2.2" by Operator when group DA {', 'Operator', 'variable.other.party.mpol'],
    ['  step SwitchAccount ref "2.2" by Operator when group DA {', 'DA', 'variable.other.group.mpol'],
    ['    check EX002 unless cohort IOC requires installation.type != Dormant', 'EX002', 'variable.other.error-code.mpol'],
    ['    check EX002 unless cohort IOC requires installation.type != Dormant', 'IOC', 'variable.other.cohort.mpol'],
    ['    check EX002 unless cohort IOC requires installation.type != Dormant', 'Dormant', 'constant.other.enum-member.mpol'],
    ['    check EX002 unless cohort IOC requires installation.type != Dormant', 'type', 'variable.other.property.field.mpol'],
    ['    check EX002 unless cohort IOC requires installation.type != Dormant', 'installation', 'variable.language.installation.mpol'],
    ['    check EX002 unless cohort IOC requires installation.type != Dormant', '!=', 'keyword.operator.comparison.mpol'],
    ['    retry Rotation', 'Rotation', 'variable.other.retry-strategy.mpol'],
    ['  on failure fail EX900', 'EX900', 'variable.other.error-code.mpol'],
    ['    may fail EX301, EX302', 'EX301', 'variable.other.error-code.mpol'],
    ['    may fail EX301, EX302', 'EX302', 'variable.other.error-code.mpol'],
    ['    await TransferFiles within 24h after Manifest else fail EX201', 'TransferFiles', 'variable.other.artefact.mpol'],
    ['    await TransferFiles within 24h after Manifest else fail EX201', 'Manifest', 'variable.other.anchor.mpol'],
    ['    produces Manifest', 'Manifest', 'variable.other.artefact.mpol'],
    ['  responsible Provider', 'Provider', 'variable.other.party.mpol'],
    ['  report Failures, Incidents', 'Incidents', 'variable.other.report.mpol'],
    ['  on failure incident resolved by Provider or Inventory then continue else fail EX300', 'Provider', 'variable.other.party.mpol'],
    ['  on failure incident resolved by Provider or Inventory then continue else fail EX300', 'Inventory', 'variable.other.party.mpol'],
    ['  on failure incident resolved by Provider or Inventory then continue else fail EX300', 'or', 'keyword.operator.logical.mpol'],
    ['  on failure incident resolved by Provider or Inventory then continue else fail EX300', 'continue', 'keyword.control.mpol'],
    // A field name may be a keyword after `installation.`.
    ['    check EX004 requires installation.timeout > 2h', 'timeout', 'variable.other.property.field.mpol'],
    // The installation block: fields, their types, enumeration members.
    ['installation {\n  type: Active | Dormant\n  epclListed: bool\n}', 'type', 'variable.other.property.field.mpol'],
    ['installation {\n  type: Active | Dormant\n  epclListed: bool\n}', 'Active', 'constant.other.enum-member.mpol'],
    ['installation {\n  type: Active | Dormant\n  epclListed: bool\n}', 'bool', 'support.type.primitive.mpol'],
    ['installation {\n  type: Active | Dormant\n  epclListed: bool\n}', '}', 'punctuation.definition.block.end.mpol'],
    // Literals.
    ['  tier backoff: 5 retries every 1m factor 2 cap 10m', '1m', 'constant.numeric.duration.mpol'],
    ['  tier backoff: 5 retries every 1m factor 2 cap 10m', '10m', 'constant.numeric.duration.mpol'],
    ['  tier backoff: 5 retries every 1m factor 2 cap 10m', '5', 'constant.numeric.mpol'],
    ['  within 1h30m', '1h30m', 'constant.numeric.duration.mpol'],
    ['  jitter 0s..30s', '0s', 'constant.numeric.duration.mpol'],
    ['  jitter 0s..30s', '..', 'keyword.operator.range.mpol'],
    ['  jitter 0s..30s', '30s', 'constant.numeric.duration.mpol'],
    ['exclude after 5 failed attempts ref "1"', 'attempts', 'keyword.control.mpol'],
    ['    check EX001 requires installation.epclListed and not installation.meters >= 1', 'and', 'keyword.operator.logical.mpol'],
    ['    check EX001 requires installation.epclListed and not installation.meters >= 1', '>=', 'keyword.operator.comparison.mpol'],
    ['    check EX001 requires installation.epclListed == true', 'true', 'constant.language.mpol'],
    // Strings with escapes; refs are strings.
    ['party P "a \\"quoted\\" name"', '\\"', 'constant.character.escape.mpol'],
    ['party P "tab\\there"', '\\t', 'constant.character.escape.mpol'],
    ['party P "snow \\u{2603}"', '\\u{2603}', 'constant.character.escape.mpol'],
    ['party P "bad \\q escape"', '\\q', 'invalid.illegal.escape.mpol'],
    ['party P "Provider"', 'Provider', 'string.quoted.double.mpol'],
    ['  step A ref "2.2" by P', '2.2', 'string.quoted.double.mpol'],
    ['party P "unclosed\nparty Q "next"', 'Q', 'entity.name.type.party.mpol'],
    // Comments: line and block, across lines, hiding what looks like code.
    ['// step Hidden by P', ' step Hidden by P', 'comment.line.double-slash.mpol'],
    ['party P "x" // step Hidden', ' step Hidden', 'comment.line.double-slash.mpol'],
    ['/* step Hidden\n   by P */ party Q "q"', '   by P ', 'comment.block.mpol'],
    ['/* step Hidden\n   by P */ party Q "q"', 'Q', 'entity.name.type.party.mpol'],
    ['party P "// not a comment"', '// not a comment', 'string.quoted.double.mpol'],
    // Punctuation and what the language does not have.
    ['  step A ref "2.2" by P {', '{', 'punctuation.definition.block.begin.mpol'],
    ['  step A ref "2.2" by P @', '@', 'invalid.illegal.character.mpol'],
    // A name that is a keyword's prefix or suffix is a name.
    ['  step policyFile by P', 'policyFile', 'entity.name.function.step.mpol'],
    ['  produces stepper', 'stepper', 'variable.other.artefact.mpol'],
  ];

  describe('scopes each construct', () => {
    for (const [source, text, scope, nth] of cases) {
      it(`${JSON.stringify(text)} in ${JSON.stringify(source)} is ${scope}`, () => {
        expect(scopeOf(source, text, nth)).toBe(scope);
      });
    }
  });

  it('gives every token of the bundled policies a scope of its own, none invalid', () => {
    const folder = path.resolve(import.meta.dirname, '../../policies/example');
    for (const file of ['example.mpol', 'parties.mpol', 'codes.mpol']) {
      const tokens = tokenize(readFileSync(path.join(folder, file), 'utf8'));
      expect(tokens.filter((token) => token.scopes.length < 2).map((token) => `${file}:${token.line} ${token.text}`)).toEqual([]);
      expect(tokens.filter((token) => token.scopes.some((scope) => scope.startsWith('invalid.'))).map((token) => `${file}:${token.line} ${token.text}`)).toEqual([]);
    }
  });
});
