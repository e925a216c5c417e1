/**
 * The `policy` object of an emitted module: every declaration and the flow
 * as plain data, guards and predicates referring to the compiled functions.
 */
import type { ActionModel, FlowModel, PolicyModel } from '../model.js';
import type { FieldType } from '../symbols.js';
import { literal, objectKey } from './escape.js';
import type { CodeWriter } from './writer.js';

interface Functions {
  readonly guard: readonly (string | null)[];
  readonly predicate: readonly (string | null)[];
}

export function emitPolicyObject(out: CodeWriter, model: PolicyModel, functions: Functions, typed: boolean, exported: boolean): void {
  const type = typed ? ': CompiledPolicy<Installation, Handlers, ErrorCode, Population>' : '';
  out.block(`${exported ? 'export ' : ''}const policy${type} = {`, () => {
    out.line(`name: ${literal(model.name)},`);
    out.line(`version: ${literal(model.version)},`);
    out.line(`title: ${literal(model.title)},`);
    record(out, 'sections', model.sections, (s) => literal(s.title));
    record(out, 'parties', model.parties, (p) => `{ title: ${literal(p.title)} }`);
    record(out, 'artefacts', model.artefacts, (a) => `{ title: ${literal(a.title)}, producer: ${literal(a.producer ?? '')} }`);
    record(out, 'reports', model.reports, (r) => `{ title: ${literal(r.title)}, recipient: ${literal(r.recipient ?? '')} }`);
    record(out, 'errors', model.errors, (e) =>
      `{ title: ${literal(e.title)}, ref: ${nullable(e.ref)}, reports: ${list(e.reports)}, resubmit: ${e.resubmit === 'after-rollback' ? literal('after-rollback') : e.resubmit === 'always'}, responsible: ${nullable(e.responsible)} }`,
    );
    out.block('retries: {', () => {
      for (const [name, retry] of model.retries) {
        out.block(`${objectKey(name)}: {`, () => {
          out.line(`ref: ${nullable(retry.ref)},`);
          const tiers = retry.tiers.map(
            (t) => `{ name: ${literal(t.name)}, count: ${t.count ?? null}, every: ${t.every}, factor: ${t.factor ?? 1}, cap: ${t.cap ?? null} }`,
          );
          out.line(`tiers: [${tiers.join(', ')}],`);
          out.line(`within: ${retry.within ?? null},`);
          out.line(`attempts: ${retry.attempts ?? null},`);
          out.line(`timeout: ${retry.timeout ?? null},`);
          const jitter = retry.jitter;
          out.line(`jitter: ${jitter.kind === 'range' ? `{ kind: ${literal('range')}, low: ${jitter.low}, high: ${jitter.high} }` : `{ kind: ${literal(jitter.kind)} }`},`);
        }, '},');
      }
    }, '},');
    record(out, 'cohorts', model.cohorts, (c) => `{ title: ${literal(c.title)}, groups: ${list(c.groups)} }`);
    record(out, 'installation', new Map(model.fields.map((field) => [field.name, field.type])), fieldDefinition);
    out.line(`exclusionAfter: ${model.exclusionAfter ?? null},`);
    out.open('flow: [');
    const flow = model.flow;
    for (let i = 0; i < flow.length; i++) flowNode(out, flow[i]!, functions.guard[i] ?? null, functions.predicate[i] ?? null);
    out.close('],');
  }, '};');
}

/**
 * One flow node in four lines at most: what it is, what it does, what it
 * undoes, what its failures lead to. A 10 MB policy has tens of thousands
 * of steps, so a line per field would make the module three times larger.
 */
function flowNode(out: CodeWriter, node: FlowModel, guard: string | null, predicate: string | null): void {
  // Plain string building, no closures or arrays: this runs once per node of tens of thousands.
  const identity = node.kind === 'check' ? `code: ${literal(node.code ?? '')}` : `name: ${literal(node.name)}`;
  const party = node.kind === 'step' ? literal(node.party ?? '') : nullable(node.party);
  out.open('{');
  out.line(`kind: ${literal(node.kind)}, ${identity}, ref: ${nullable(node.ref)}, stage: ${nullable(node.stage)}, party: ${party}, guard: ${guard ?? 'null'},`);
  if (node.kind === 'check') {
    out.line(`predicate: ${predicate ?? 'null'},`);
    out.close('},');
    return;
  }
  let deadlines = '';
  for (const d of node.deadlines) {
    deadlines += `${deadlines === '' ? '' : ', '}{ anchor: ${literal(d.anchor ?? '')}, within: ${d.within}, ${d.arrival ? 'arrival: true, ' : ''}action: ${action(d.action)} }`;
  }
  out.line(`retry: ${nullable(node.retry)}, await: ${nullable(node.await)}, deadlines: [${deadlines}], produces: ${list(node.produces)}, mayFail: ${list(node.mayFail)},`);
  const undo = node.undo;
  out.line(`undo: ${undo ? `{ name: ${literal(undo.name)}, party: ${literal(undo.party ?? '')}, ref: ${nullable(undo.ref)} }` : 'null'}, commit: ${node.commit},`);
  out.line(`onFailure: ${action(node.onFailure)}, onExhausted: ${action(node.onExhausted)},`);
  out.close('},');
}

function action(model: ActionModel | undefined): string {
  if (model === undefined) throw new Error('emit runs only on policies without errors');
  switch (model.kind) {
    case 'fail':
    case 'rollback':
      return `{ kind: ${literal(model.kind)}, code: ${literal(model.code ?? '')} }`;
    case 'incident': {
      const code = model.thenCode ?? model.elseCode ?? '';
      const elseCode = model.elseCode ?? model.thenCode ?? '';
      return `{ kind: ${literal('incident')}, resolvers: ${list(model.resolvers)}, then: ${literal(model.then)}, code: ${literal(code)}, elseCode: ${literal(elseCode)} }`;
    }
  }
}

function fieldDefinition(type: FieldType): string {
  if (type.kind === 'unknown') throw new Error('emit runs only on policies without errors');
  return type.kind === 'enum' ? `{ type: ${literal('enum')}, members: ${list(type.members)} }` : `{ type: ${literal(type.kind)} }`;
}

function record<T>(out: CodeWriter, key: string, entries: ReadonlyMap<string, T>, value: (entry: T) => string): void {
  if (entries.size === 0) {
    out.line(`${key}: {},`);
    return;
  }
  out.open(`${key}: {`);
  for (const [name, entry] of entries) out.line(`${objectKey(name)}: ${value(entry)},`);
  out.close('},');
}

function list(values: readonly string[]): string {
  // A loop, not map().join(): several lists per flow node.
  let items = '';
  for (let i = 0; i < values.length; i++) items += i === 0 ? literal(values[i]!) : `, ${literal(values[i]!)}`;
  return `[${items}]`;
}

function nullable(value: string | undefined): string {
  return value === undefined ? 'null' : literal(value);
}
