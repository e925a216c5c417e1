/**
 * The message catalog: every diagnostic the toolchain can report, with its
 * severity and the one sentence it says. Each code is documented, with a
 * failing example, in `docs/diagnostics.md`; a test keeps the two in step.
 *
 * Messages are lowercase sentences with user input in backticks.
 */

interface Entry<A> {
  readonly severity: 'error' | 'warning';
  /** What the code is about, for `docs/diagnostics.md` and hovers. */
  readonly summary: string;
  readonly message: (args: A) => string;
}

type NoArgs = Record<string, never>;

function entry<A = NoArgs>(severity: 'error' | 'warning', summary: string, message: (args: A) => string): Entry<A> {
  return { severity, summary, message };
}

export const messages = {
  // Lexical and syntax errors (grammar/).
  'invalid-character': entry<{ text: string }>('error', 'a character that no token starts with', (a) => `unexpected character \`${a.text}\``),
  'unterminated-string': entry('error', 'a string not closed on its line', () => 'this string is not closed before the end of the line'),
  'unterminated-comment': entry('error', 'a block comment never closed', () => 'this block comment is never closed'),
  'foreign-operator': entry<{ text: string }>('error', 'an operator of another language, such as `&&`', (a) => `\`${a.text}\` is not an mpol operator`),
  'invalid-escape': entry<{ text: string }>('error', 'an unknown escape in a string', (a) => `unknown escape \`${a.text}\` in a string`),
  'unexpected-token': entry<{ expected: string; found: string }>('error', 'a token that does not fit the grammar here', (a) => `expected ${a.expected}, found ${a.found}`),
  'invalid-duration': entry<{ text: string }>('error', 'a duration too large to represent', (a) => `duration \`${a.text}\` is too large`),
  'invalid-number': entry<{ text: string }>('error', 'a number too large or too precise to represent exactly', (a) => `number \`${a.text}\` cannot be represented exactly`),
  'condition-too-deep': entry<{ limit: number }>('error', 'a condition nested deeper than the limit', (a) => `this condition nests more than ${a.limit} levels deep`),

  // Files and policies (compiler/project).
  'import-not-found': entry<{ path: string }>('error', 'an import naming a file that does not exist', (a) => `cannot find the imported file \`${a.path}\``),
  'import-of-policy': entry<{ path: string }>('error', 'an import of a file that declares its own policy', (a) => `\`${a.path}\` declares a policy, so it cannot be imported`),
  'duplicate-policy': entry<{ name: string }>('error', 'a second `policy` declaration in one policy', (a) => `policy \`${a.name}\` is declared a second time`),
  'orphan-file': entry('warning', 'a file with no policy that no policy imports', () => 'this file declares no policy and no policy imports it'),
  'missing-migration': entry<{ name: string }>('error', 'a policy without a `migration` block', (a) => `policy \`${a.name}\` has no \`migration\` block`),
  'duplicate-block': entry<{ block: string }>('error', 'a second block of a kind a policy has once', (a) => `a policy has at most one \`${a.block}\` block`),

  // Names (compiler/bind).
  'duplicate-declaration': entry<{ name: string }>('error', 'a name declared twice in one policy', (a) => `\`${a.name}\` is declared more than once`),
  'unknown-name': entry<{ name: string; expected: string }>('error', 'a reference to a name the policy does not declare', (a) => `unknown ${a.expected} \`${a.name}\``),
  'wrong-kind': entry<{ name: string; actual: string; expected: string }>('error', 'a reference to a name of the wrong kind', (a) => `\`${a.name}\` is ${a.actual}, but ${a.expected} is expected here`),
  'unknown-section': entry<{ section: string }>('error', 'a `ref` to a section the policy does not declare', (a) => `section \`${a.section}\` is not declared`),
  'duplicate-section': entry<{ section: string }>('error', 'a section declared twice', (a) => `section \`${a.section}\` is declared more than once`),
  'unknown-field': entry<{ name: string }>('error', 'a reference to an installation field that does not exist', (a) => `the installation has no field \`${a.name}\``),
  'duplicate-field': entry<{ name: string }>('error', 'an installation field declared twice', (a) => `field \`${a.name}\` is declared more than once`),
  'duplicate-enum-member': entry<{ name: string }>('error', 'an enumeration member listed twice', (a) => `\`${a.name}\` is listed more than once in this enumeration`),
  'duplicate-item': entry<{ item: string }>('error', 'a setting given twice in one declaration', (a) => `\`${a.item}\` is given more than once here`),
  'duplicate-check': entry<{ code: string }>('error', 'a code checked by two checks', (a) => `code \`${a.code}\` is checked more than once`),

  // Types of expressions (compiler/checks).
  'not-boolean': entry<{ context: string; type: string }>('error', 'a guard or check predicate that is not `bool`', (a) => `${a.context} must be a \`bool\` expression, but this is \`${a.type}\``),
  'type-mismatch': entry<{ left: string; right: string }>('error', 'a comparison of values of different types', (a) => `cannot compare \`${a.left}\` with \`${a.right}\``),
  'not-ordered': entry<{ operator: string; type: string }>('error', 'an ordering comparison of values that have no order', (a) => `\`${a.operator}\` compares numbers or durations, not \`${a.type}\``),
  'unknown-enum-member': entry<{ name: string; field: string }>('error', 'a value that is not a member of the compared enumeration', (a) => `\`${a.name}\` is not a value of \`installation.${a.field}\``),
  'unresolved-value': entry<{ name: string }>('error', 'a bare name in an expression that is not compared with an enumeration', (a) => `\`${a.name}\` is not a value here: compare it with an enumeration field`),

  // Retry strategies (compiler/checks/retry-*).
  'empty-retry': entry<{ name: string }>('error', 'a retry strategy with no tier', (a) => `retry strategy \`${a.name}\` has no tier`),
  'retry-unbounded': entry<{ name: string }>('error', 'a retry strategy that could retry for ever', (a) => `retry strategy \`${a.name}\` never stops: its last tier has no count and there is no \`within\` or \`attempts\` limit`),
  'uncounted-tier-not-last': entry<{ tier: string }>('error', 'a tier without a count followed by another tier', (a) => `tier \`${a.tier}\` repeats without a count, so the tiers after it can never run`),
  'cap-without-factor': entry('error', 'a `cap` on a fixed interval', () => '`cap` limits an exponential interval, but this tier has no `factor`'),
  'invalid-factor': entry<{ factor: string }>('error', 'an exponential factor that does not grow', (a) => `factor \`${a.factor}\` must be greater than 1`),
  'invalid-count': entry<{ what: string }>('error', 'a count that is zero or not a whole number', (a) => `${a.what} must be a whole number greater than 0`),
  'zero-timeout': entry('error', 'a per-attempt timeout of 0', () => 'an attempt `timeout` must be longer than 0'),
  'invalid-jitter-range': entry<{ low: string; high: string }>('error', 'a jitter range whose low end is above its high end', (a) => `jitter range \`${a.low}..${a.high}\` is empty: the low end is above the high end`),
  'retry-exceeds-within': entry<{ retry: string; tier: string; time: string; within: string }>('error', 'a counted retry scheduled after the total retry period', (a) => `retry ${a.retry} of tier \`${a.tier}\` is scheduled at ${a.time}, after the retry period of ${a.within}`),
  'retry-exceeds-deadline': entry<{ attempt: string; time: string; deadline: string }>('error', 'a retry scheduled after an enclosing deadline', (a) => `attempt ${a.attempt} is scheduled at ${a.time}, after the deadline of ${a.deadline}`),
  'attempt-limit-unreachable': entry<{ limit: string; reached: string }>('warning', 'an `attempts` limit that the schedule can never reach', (a) => `the limit of ${a.limit} attempts is never reached: the schedule makes at most ${a.reached}`),
  'timeout-exceeds-interval': entry<{ timeout: string; interval: string }>('warning', 'a per-attempt timeout longer than a retry interval', (a) => `the attempt timeout of ${a.timeout} is longer than the ${a.interval} interval, so attempts may start late`),
  'time-too-long': entry<{ name: string; limit: string; tier: string }>('error', 'a retry strategy whose waits and timeouts may last past the range of exact times', (a) => `retry strategy \`${a.name}\` may last longer than ${a.limit} in one step, past which times are not exact${a.tier === '' ? '' : ` (tier \`${a.tier}\` takes it past)`}`),
  'flow-too-long': entry<{ step: string; limit: string }>('error', 'steps whose retry strategies may together last past the range of exact times', (a) => `the migration may last longer than ${a.limit} by the end of step \`${a.step}\`, past which times are not exact`),
  'too-many-attempts': entry<{ name: string; count: string; limit: string; tier: string }>('error', 'a retry strategy that may make more attempts in one step than the limit', (a) => `retry strategy \`${a.name}\` may make ${a.count} attempts in one step, more than the limit of ${a.limit} (tier \`${a.tier}\` takes it past the limit)`),

  // Failure paths (compiler/checks/failure-*).
  'unhandled-failure': entry<{ step: string; trigger: string }>('error', 'a step failure that reaches no failure action', (a) => `step \`${a.step}\` has no action for ${a.trigger}: every failure must end in an error code`),
  'code-without-report': entry<{ code: string }>('error', 'an error code that goes to no report', (a) => `error \`${a.code}\` is not reported anywhere`),
  'unused-error-code': entry<{ code: string }>('warning', 'an error code nothing can produce', (a) => `error \`${a.code}\` can never occur`),
  'incident-without-else': entry('error', 'an incident with no code for when it is not resolved', () => 'this incident has no `else fail` code for when it is not resolved'),
  'missing-party': entry<{ step: string }>('error', 'a step with no acting party', (a) => `step \`${a.step}\` names no acting party, and its stage names none either`),
  'rollback-without-undo': entry('error', 'a rollback with nothing to undo', () => 'this rollback has nothing to undo: no step with an `undo` completes before it since the last `commit`'),
  'anchor-not-reached': entry<{ name: string }>('error', 'a deadline anchored on something that has not happened yet', (a) => `the deadline is anchored on \`${a.name}\`, which no earlier step produces, awaits or completes`),

  // Reachability and use (compiler/checks/usage-*).
  'unreachable-step': entry<{ step: string }>('warning', 'a step no cohort or group can reach', (a) => `step \`${a.step}\` is unreachable: its guards exclude every cohort and group`),
  'unused-cohort': entry<{ name: string }>('warning', 'a cohort that no step runs for', (a) => `cohort \`${a.name}\` is never used: no step runs for it`),
  'unused-group': entry<{ name: string }>('warning', 'a group no guard mentions', (a) => `group \`${a.name}\` is never used`),
  'unused-declaration': entry<{ kind: string; name: string }>('warning', 'a party, artefact, report or retry strategy nothing refers to', (a) => `${a.kind} \`${a.name}\` is never used`),
  'missing-ref': entry<{ what: string }>('warning', 'a rule with no `ref` to the document', (a) => `${a.what} has no \`ref\` to a section of the document`),

  // Input problems met by the command line and the language server.
  'file-unreadable': entry<{ reason: string }>('error', 'a file that cannot be read', (a) => `cannot read this file: ${a.reason}`),
  'binary-file': entry('error', 'a file that is not text', () => 'this file is not text (it contains NUL bytes or is not UTF-8)'),
  'file-too-large': entry<{ size: string; limit: string }>('error', 'a file over the size limit', (a) => `this file is ${a.size}, over the ${a.limit} limit`),
  'empty-file': entry('warning', 'a file with no declarations', () => 'this file declares nothing'),
} as const;

export type DiagnosticCode = keyof typeof messages;

export type MessageArgs<C extends DiagnosticCode> = Parameters<(typeof messages)[C]['message']>[0];

/** Every code in the catalog, in catalog order. */
export const diagnosticCodes = Object.keys(messages) as DiagnosticCode[];

/**
 * Codes about something nothing uses or reaches: editors show their text
 * faded (the LSP tag "unnecessary") rather than underlined.
 */
export const unnecessaryCodes: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['unused-declaration', 'unused-error-code', 'unused-cohort', 'unused-group', 'unreachable-step']);
