/**
 * The generated policy as plain data, and its two renderings: `.mpol` text
 * for the compiler and a JSON document of the same declarations for the
 * `JSON.parse` baseline. One object tree feeds both, so the two texts carry
 * the same content.
 *
 * Durations are kept as the strings written in the policy (`"1h30m"`), as
 * a hand-written JSON configuration would hold them.
 */

export type Expr =
  | { readonly cohort: string }
  | { readonly group: string }
  | { readonly field: string }
  | { readonly field: string; readonly op: Comparison; readonly number: number }
  | { readonly field: string; readonly op: Comparison; readonly duration: string }
  | { readonly field: string; readonly op: Comparison; readonly text: string }
  | { readonly field: string; readonly op: Comparison; readonly member: string }
  | { readonly field: string; readonly op: Comparison; readonly bool: boolean }
  | { readonly not: Expr }
  | { readonly and: readonly Expr[] }
  | { readonly or: readonly Expr[] };

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';

export interface Guard {
  readonly unless?: true;
  readonly expr: Expr;
}

export type Action =
  | { readonly fail: string }
  | { readonly rollbackThenFail: string }
  | {
      readonly incident: {
        readonly resolvedBy: readonly string[];
        readonly then: 'continue' | 'retry' | { readonly fail: string };
        readonly elseFail?: string;
      };
    };

export interface Deadline {
  readonly within: string;
  readonly after: string;
  readonly else: Action;
}

export interface Undo {
  readonly name: string;
  readonly by: string;
  readonly ref?: string;
}

export interface Step {
  readonly kind: 'Step';
  readonly comment?: string;
  readonly name: string;
  readonly ref?: string;
  readonly by?: string;
  readonly guard?: Guard;
  readonly retry?: string;
  readonly await?: string;
  readonly deadlines?: readonly Deadline[];
  readonly produces?: readonly string[];
  readonly mayFail?: readonly string[];
  readonly undo?: Undo;
  readonly commit?: true;
  readonly onFailure?: Action;
  readonly onExhausted?: Action;
}

export interface Check {
  readonly kind: 'Check';
  readonly code: string;
  readonly ref?: string;
  readonly guard?: Guard;
  /** Absent for an external check. */
  readonly requires?: Expr;
}

export interface Stage {
  readonly kind: 'Stage';
  readonly comment?: string;
  readonly name: string;
  readonly ref?: string;
  readonly by?: string;
  readonly guard?: Guard;
  readonly onFailure?: Action;
  readonly onExhausted?: Action;
  readonly deadlines?: readonly Deadline[];
  readonly items: readonly (Step | Check)[];
}

export interface Tier {
  readonly name: string;
  readonly count?: number;
  readonly every: string;
  readonly factor?: number;
  readonly cap?: string;
}

export type FieldType = 'bool' | 'text' | 'number' | 'duration' | { readonly enum: readonly string[] };

export type Decl =
  | { readonly kind: 'Policy'; readonly name: string; readonly version: string; readonly title: string }
  | { readonly kind: 'Import'; readonly path: string }
  | { readonly kind: 'Section'; readonly number: string; readonly title: string }
  | { readonly kind: 'Party'; readonly name: string; readonly title: string }
  | { readonly kind: 'Artefact'; readonly name: string; readonly title: string; readonly by: string }
  | { readonly kind: 'Report'; readonly name: string; readonly title: string; readonly to: string }
  | { readonly kind: 'Installation'; readonly fields: readonly { readonly name: string; readonly type: FieldType }[] }
  | {
      readonly kind: 'Error';
      readonly name: string;
      readonly title: string;
      readonly ref: string;
      readonly reports: readonly string[];
      readonly resubmit?: true;
      readonly responsible?: string;
    }
  | {
      readonly kind: 'Retry';
      readonly comment?: string;
      readonly name: string;
      readonly ref: string;
      readonly tiers: readonly Tier[];
      readonly within?: string;
      readonly attempts?: number;
      readonly timeout?: string;
      readonly jitter?: 'none' | 'full' | { readonly low: string; readonly high: string };
    }
  | { readonly kind: 'Cohort'; readonly name: string; readonly title: string; readonly groups: readonly { name: string; title: string }[] }
  | { readonly kind: 'Exclude'; readonly after: number; readonly ref: string }
  | { readonly kind: 'Migration'; readonly onFailure: Action; readonly items: readonly (Stage | Step | Check)[] };

export interface DocFile {
  readonly path: string;
  /** Line comments at the top of the file. */
  readonly header: readonly string[];
  readonly decls: readonly Decl[];
}

// ---- .mpol ------------------------------------------------------------------

/** Writes a string literal; the generator's strings hold only `"`, `\` and printable ASCII. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const precedence = (expr: Expr): number => ('or' in expr ? 1 : 'and' in expr ? 2 : 'not' in expr ? 3 : 4);

export function renderExpr(expr: Expr, parent = 0): string {
  let text: string;
  if ('or' in expr) text = expr.or.map((e) => renderExpr(e, 1)).join(' or ');
  else if ('and' in expr) text = expr.and.map((e) => renderExpr(e, 2)).join(' and ');
  // The operand of `not` is parenthesized unless it is a bare field or membership.
  else if ('not' in expr) text = `not ${precedence(expr.not) === 4 && !('op' in expr.not) ? renderExpr(expr.not, 3) : `(${renderExpr(expr.not)})`}`;
  else if ('cohort' in expr) text = `cohort ${expr.cohort}`;
  else if ('group' in expr) text = `group ${expr.group}`;
  else if (!('op' in expr)) text = `installation.${expr.field}`;
  else text = `installation.${expr.field} ${expr.op} ${comparedValue(expr)}`;
  return precedence(expr) < parent ? `(${text})` : text;
}

function comparedValue(expr: Extract<Expr, { op: Comparison }>): string {
  if ('number' in expr) return String(expr.number);
  if ('duration' in expr) return expr.duration;
  if ('text' in expr) return quote(expr.text);
  if ('member' in expr) return expr.member;
  return String(expr.bool);
}

function renderGuard(guard: Guard | undefined): string {
  return guard === undefined ? '' : ` ${guard.unless ? 'unless' : 'when'} ${renderExpr(guard.expr)}`;
}

export function renderAction(action: Action): string {
  if ('fail' in action) return `fail ${action.fail}`;
  if ('rollbackThenFail' in action) return `rollback then fail ${action.rollbackThenFail}`;
  const { resolvedBy, then, elseFail } = action.incident;
  const thenText = typeof then === 'string' ? then : `fail ${then.fail}`;
  return `incident resolved by ${resolvedBy.join(' or ')} then ${thenText}${elseFail === undefined ? '' : ` else fail ${elseFail}`}`;
}

const ref = (section: string | undefined): string => (section === undefined ? '' : ` ref ${quote(section)}`);
const deadline = (d: Deadline): string => `within ${d.within} after ${d.after} else ${renderAction(d.else)}`;

function renderStep(step: Step, indent: string, out: string[]): void {
  if (step.comment !== undefined) out.push(`${indent}// ${step.comment}`);
  const head = `${indent}step ${step.name}${ref(step.ref)}${step.by === undefined ? '' : ` by ${step.by}`}${renderGuard(step.guard)}`;
  const inner = `${indent}  `;
  const items: string[] = [];
  if (step.retry !== undefined) items.push(`retry ${step.retry}`);
  // Step deadlines before the `await`: written right after it, one would be the await's arrival deadline.
  for (const d of step.deadlines ?? []) items.push(deadline(d));
  if (step.await !== undefined) items.push(`await ${step.await}`);
  for (const artefact of step.produces ?? []) items.push(`produces ${artefact}`);
  if (step.mayFail !== undefined) items.push(`may fail ${step.mayFail.join(', ')}`);
  if (step.undo !== undefined) items.push(`undo ${step.undo.name} by ${step.undo.by}${ref(step.undo.ref)}`);
  if (step.commit) items.push('commit');
  if (step.onFailure !== undefined) items.push(`on failure ${renderAction(step.onFailure)}`);
  if (step.onExhausted !== undefined) items.push(`on exhausted ${renderAction(step.onExhausted)}`);
  if (items.length === 0) {
    out.push(head);
    return;
  }
  out.push(`${head} {`);
  for (const item of items) out.push(inner + item);
  out.push(`${indent}}`);
}

function renderCheck(check: Check, indent: string, out: string[]): void {
  const body = check.requires === undefined ? 'external' : `requires ${renderExpr(check.requires)}`;
  out.push(`${indent}check ${check.code}${ref(check.ref)}${renderGuard(check.guard)} ${body}`);
}

/** Appends the lines of one item of the `migration` block to `out`. */
export function renderFlowItem(item: Stage | Step | Check, indent: string, out: string[]): void {
  if (item.kind === 'Step') return renderStep(item, indent, out);
  if (item.kind === 'Check') return renderCheck(item, indent, out);
  if (item.comment !== undefined) out.push(`${indent}// ${item.comment}`);
  out.push(`${indent}stage ${item.name}${ref(item.ref)}${item.by === undefined ? '' : ` by ${item.by}`}${renderGuard(item.guard)} {`);
  const inner = `${indent}  `;
  if (item.onFailure !== undefined) out.push(`${inner}on failure ${renderAction(item.onFailure)}`);
  if (item.onExhausted !== undefined) out.push(`${inner}on exhausted ${renderAction(item.onExhausted)}`);
  for (const d of item.deadlines ?? []) out.push(inner + deadline(d));
  for (const stageItem of item.items) renderFlowItem(stageItem, inner, out);
  out.push(`${indent}}`);
}

function renderFieldType(type: FieldType): string {
  return typeof type === 'string' ? type : type.enum.join(' | ');
}

/** Appends the lines of one declaration to `out`. */
export function renderDecl(decl: Decl, out: string[]): void {
  switch (decl.kind) {
    case 'Policy':
      out.push(`policy ${decl.name} version ${quote(decl.version)} ${quote(decl.title)}`);
      return;
    case 'Import':
      out.push(`import ${quote(decl.path)}`);
      return;
    case 'Section':
      out.push(`section ${quote(decl.number)} ${quote(decl.title)}`);
      return;
    case 'Party':
      out.push(`party ${decl.name} ${quote(decl.title)}`);
      return;
    case 'Artefact':
      out.push(`artefact ${decl.name} ${quote(decl.title)} by ${decl.by}`);
      return;
    case 'Report':
      out.push(`report ${decl.name} ${quote(decl.title)} to ${decl.to}`);
      return;
    case 'Installation':
      out.push('installation {');
      for (const field of decl.fields) out.push(`  ${field.name}: ${renderFieldType(field.type)}`);
      out.push('}');
      return;
    case 'Error': {
      const items = [`report ${decl.reports.join(', ')}`];
      if (decl.resubmit) items.push('resubmit');
      if (decl.responsible !== undefined) items.push(`responsible ${decl.responsible}`);
      const head = `error ${decl.name} ${quote(decl.title)}${ref(decl.ref)}`;
      // Short codes fit on one line, as people write them; the rest get a block.
      if (items.length < 3) out.push(`${head} { ${items.join(' ')} }`);
      else out.push(`${head} {`, ...items.map((item) => `  ${item}`), '}');
      return;
    }
    case 'Retry': {
      if (decl.comment !== undefined) out.push(`/* ${decl.comment} */`);
      out.push(`retry ${decl.name}${ref(decl.ref)} {`);
      for (const tier of decl.tiers) {
        const count = tier.count === undefined ? '' : `${tier.count} retries `;
        const factor = tier.factor === undefined ? '' : ` factor ${tier.factor}${tier.cap === undefined ? '' : ` cap ${tier.cap}`}`;
        out.push(`  tier ${tier.name}: ${count}every ${tier.every}${factor}`);
      }
      if (decl.within !== undefined) out.push(`  within ${decl.within}`);
      if (decl.attempts !== undefined) out.push(`  attempts ${decl.attempts}`);
      if (decl.timeout !== undefined) out.push(`  timeout ${decl.timeout}`);
      if (decl.jitter !== undefined) out.push(`  jitter ${typeof decl.jitter === 'string' ? decl.jitter : `${decl.jitter.low}..${decl.jitter.high}`}`);
      out.push('}');
      return;
    }
    case 'Cohort':
      if (decl.groups.length === 0) {
        out.push(`cohort ${decl.name} ${quote(decl.title)}`);
        return;
      }
      out.push(`cohort ${decl.name} ${quote(decl.title)} {`);
      for (const group of decl.groups) out.push(`  group ${group.name} ${quote(group.title)}`);
      out.push('}');
      return;
    case 'Exclude':
      out.push(`exclude after ${decl.after} failed attempts${ref(decl.ref)}`);
      return;
    case 'Migration':
      out.push('migration {');
      out.push(`  on failure ${renderAction(decl.onFailure)}`);
      for (const item of decl.items) {
        out.push('');
        renderFlowItem(item, '  ', out);
      }
      out.push('}');
      return;
  }
}

export function renderFile(file: DocFile): string {
  const out: string[] = file.header.map((line) => `// ${line}`);
  for (const decl of file.decls) {
    // Blocks stand apart; one-line declarations of a kind run together.
    if (out.length > 0 && (decl.kind === 'Migration' || decl.kind === 'Retry' || decl.kind === 'Installation' || decl.kind === 'Cohort')) out.push('');
    renderDecl(decl, out);
  }
  return `${out.join('\n')}\n`;
}

/** The size in bytes of one declaration's text, for steering the generator. */
export function renderedSize(render: (out: string[]) => void): number {
  const out: string[] = [];
  render(out);
  let size = 0;
  for (const line of out) size += line.length + 1;
  return size;
}

// ---- JSON ---------------------------------------------------------------------

/**
 * The JSON form: one document with every file's declarations, one
 * declaration a line, as a configuration file written by a program would be.
 */
export function renderJson(policyName: string, files: readonly DocFile[]): string {
  const parts: string[] = [`{"policy":${JSON.stringify(policyName)},"files":[`];
  files.forEach((file, fileIndex) => {
    parts.push(`${fileIndex === 0 ? '' : ','}{"path":${JSON.stringify(file.path)},"comments":${JSON.stringify(file.header)},"declarations":[`);
    file.decls.forEach((decl, i) => {
      if (decl.kind === 'Migration') {
        parts.push(`${i === 0 ? '' : ','}{"kind":"Migration","onFailure":${JSON.stringify(decl.onFailure)},"items":[`);
        decl.items.forEach((item, j) => parts.push(`${j === 0 ? '' : ','}${JSON.stringify(item)}`));
        parts.push(']}');
      } else parts.push(`${i === 0 ? '' : ','}${JSON.stringify(decl)}`);
    });
    parts.push(']}');
  });
  parts.push(']}');
  return parts.join('\n');
}
