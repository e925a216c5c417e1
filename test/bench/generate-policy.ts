/**
 * Generates a large, valid, realistic policy of about a given size,
 * deterministically from a seed, with the same content as a JSON document.
 *
 * The policy is built as plain data (policy-doc.ts) and steered by the
 * rules of docs/language.md, so the compiler reports no error:
 * - every name is declared once, every `ref` names a declared section;
 * - every error code is produced by something and goes to a report, and is
 *   declared only once something uses it, as are parties, artefacts,
 *   reports, retry strategies, cohorts and groups;
 * - a `rollback` comes only after an unguarded step with an `undo` since
 *   the last `commit` (guarded or not), and never on a committing step;
 * - a deadline is anchored on what an earlier unguarded step produced,
 *   awaited or completed, and is no earlier than the last retry of any step
 *   it applies to; the `migration` block carries none;
 * - a guard mentions cohorts or groups at one level only (stage or item),
 *   so no step is unreachable;
 * - retry strategies come from generate-retry.ts, comparisons over the
 *   installation schema from generate-expressions.ts.
 */
import { fieldTerm, fields, predicate } from './generate-expressions.js';
import { planRetry } from './generate-retry.js';
import { renderDecl, renderFile, renderFlowItem, renderJson, renderedSize, type Action, type Check, type Decl, type Deadline, type DocFile, type Expr, type Guard, type Stage, type Step } from './policy-doc.js';
import { Random } from './random.js';
import { DAY, HOUR, MINUTE, formatDuration, roundUp } from './retry-schedule.js';
import * as V from './vocabulary.js';

export interface GeneratedPolicy {
  /** The root file's path. */
  readonly root: string;
  /** Every file's path and text, the root first. */
  readonly files: ReadonlyMap<string, string>;
  /** The `.mpol` size in bytes, all files together (the text is ASCII). */
  readonly bytes: number;
  /** The same declarations as one JSON document. */
  readonly json: string;
  readonly stats: Readonly<Record<string, number>>;
}

const folder = 'bench';
const fragments = ['sections', 'parties', 'cohorts', 'retries', 'codes-checks', 'codes-steps', 'codes-rollback', 'codes-incidents'] as const;
type Fragment = (typeof fragments)[number];

interface Strategy {
  readonly name: string;
  /** The latest time an attempt can be scheduled or the step exhausted: no deadline may be earlier. */
  readonly horizon: number;
}

/** What the items of a stage inherit from it. */
interface Scope {
  readonly party: string | undefined;
  readonly guarded: boolean;
  /** The stage's guard mentions a cohort or group, so its items' guards must not. */
  readonly membershipGuarded: boolean;
  /** The stage's section, or a top-level item's own. */
  readonly section: string;
  readonly inStage: boolean;
}

const topLevel = (section: string): Scope => ({ party: undefined, guarded: false, membershipGuarded: false, section, inStage: false });

class Generator {
  private readonly random: Random;
  private readonly names = new Set<string>();
  private readonly suffixes = new Map<string, number>();
  private readonly decls = new Map<Fragment, Decl[]>(fragments.map((f) => [f, []]));
  private readonly cohorts: { name: string; title: string; groups: { name: string; title: string }[] }[] = [];
  /** Cohorts no guard names yet (one made for a group may not be). */
  private readonly unmentioned = new Set<string>();
  private readonly parties: string[] = [];
  private readonly reports: string[] = [];
  private readonly strategies: Strategy[] = [];
  private readonly horizons = new Map<string, number>();
  private readonly awaited: string[] = [];
  private readonly recentCodes: string[] = [];
  private readonly codeCounters = new Map<string, number>();
  private readonly flow: (Stage | Step | Check)[] = [];
  /** Anchors an unguarded earlier step produced, awaited or completed. */
  private readonly anchors: string[] = [];
  /** Unguarded steps with an `undo` since the last `commit`. */
  private undoable = 0;
  private sectionMajor = 1;
  private sectionMinor = 0;
  private readonly sectionChildren = new Map<string, number>();
  private errorSection = '';
  private errorsInSection = 0;
  private retrySections = 0;
  private readonly stats: Record<string, number> = {};
  bytes = 0;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  generate(targetBytes: number): GeneratedPolicy {
    const head: Decl[] = [
      { kind: 'Policy', name: 'MEHRS_Bench', version: '4.2', title: 'Migration Error Handling and Retry Strategy (generated)' },
      ...fragments.map((f): Decl => ({ kind: 'Import', path: `${f}.mpol` })),
      { kind: 'Installation', fields: fields.map(([name, kind]) => ({ name, type: typeof kind === 'string' ? kind : { enum: kind } })) },
      { kind: 'Exclude', after: 5, ref: this.section('1.4', 'Exclusion after repeated failures') },
    ];
    this.section('1', 'Scope');
    for (const decl of head) this.bytes += renderedSize((out) => renderDecl(decl, out));
    const onFailure: Action = { fail: this.code('codes-steps', 'MP', 'Unexpected failure') };
    while (this.bytes < targetBytes) {
      const roll = this.random.float();
      const item = roll < 0.75 ? this.stage() : roll < 0.9 ? this.step(topLevel(this.stageSection('Cross-cutting steps'))) : this.check(topLevel(this.stageSection('Additional validation')));
      this.flow.push(item);
      this.bytes += 1 + renderedSize((out) => renderFlowItem(item, '  ', out));
    }
    this.decls.get('cohorts')!.push(...this.cohorts.map((c): Decl => ({ kind: 'Cohort', ...c })));

    const docs: DocFile[] = [
      {
        path: `${folder}/main.mpol`,
        header: ['A generated policy for the compile benchmark (test/bench/compile.ts).', 'Deterministic: the same seed gives the same text.'],
        decls: [...head, { kind: 'Migration', onFailure, items: this.flow }],
      },
      ...fragments.map((f): DocFile => ({ path: `${folder}/${f}.mpol`, header: [`The ${f.replace('-', ' ')} of the generated policy.`], decls: this.decls.get(f)! })),
    ];
    const files = new Map(docs.map((doc) => [doc.path, renderFile(doc)]));
    let bytes = 0;
    for (const text of files.values()) bytes += text.length;
    this.stats['files'] = files.size;
    for (const f of fragments) this.stats[`decls in ${f}`] = this.decls.get(f)!.length;
    return { root: docs[0]!.path, files, bytes, json: renderJson('MEHRS_Bench', docs), stats: this.stats };
  }

  // ---- Names, sections and declarations made on first use -------------------

  private count(what: string): void {
    this.stats[what] = (this.stats[what] ?? 0) + 1;
  }

  /** `base`, or `base2`, `base3`, … when taken; the next suffix to try is kept per base. */
  private unique(base: string): string {
    let name = base;
    let n = this.suffixes.get(base) ?? 2;
    while (this.names.has(name)) name = `${base}${n++}`;
    this.suffixes.set(base, n);
    this.names.add(name);
    return name;
  }

  private add(fragment: Fragment, decl: Decl): void {
    this.decls.get(fragment)!.push(decl);
    this.bytes += renderedSize((out) => renderDecl(decl, out));
  }

  private section(number: string, title: string): string {
    this.add('sections', { kind: 'Section', number, title });
    return number;
  }

  /** A new section for a stage or a top-level item, `2.<major>.<minor>`. */
  private stageSection(title: string): string {
    if (++this.sectionMinor > 12) {
      this.sectionMajor++;
      this.sectionMinor = 1;
    }
    return this.section(`2.${this.sectionMajor}.${this.sectionMinor}`, title);
  }

  private subsection(parent: string, title: string): string {
    const n = (this.sectionChildren.get(parent) ?? 0) + 1;
    this.sectionChildren.set(parent, n);
    return this.section(`${parent}.${n}`, title);
  }

  private party(): string {
    if (this.parties.length < V.partyNames.length || this.random.chance(0.004)) {
      const base = this.parties.length < V.partyNames.length ? V.partyNames[this.parties.length]! : `${this.random.pick(V.partyNames)}_${this.random.pick(V.partyRegions)}`;
      const name = this.unique(base);
      const title = V.partyTitles[base] ?? `${V.partyTitles[name.split('_')[0]!] ?? name}, ${name.split('_')[1] ?? ''} region`;
      this.add('parties', { kind: 'Party', name, title });
      this.parties.push(name);
      this.count('parties');
      return name;
    }
    return this.random.pick(this.parties);
  }

  private report(): string {
    if (this.reports.length === 0 || this.random.chance(0.003)) {
      const name = this.unique(`MRR${this.reports.length + 1}`);
      this.add('parties', { kind: 'Report', name, title: `Migration report ${this.reports.length + 1}: ${this.random.pick(V.errorSubjects).toLowerCase()} failures`, to: this.party() });
      this.reports.push(name);
      this.count('reports');
      return name;
    }
    return this.random.pick(this.reports);
  }

  /** A new error code of a family (`MA`, `MP`, …), declared in its fragment. */
  private code(fragment: Fragment, family: string, title?: string): string {
    const n = (this.codeCounters.get(family) ?? 0) + 1;
    this.codeCounters.set(family, n);
    const name = this.unique(`${family}${String(n).padStart(3, '0')}`);
    if (this.errorsInSection++ % 40 === 0) this.errorSection = this.section(`A.${this.errorsInSection}`, `Error codes from ${name}`);
    const reports = this.random.chance(0.8) ? [this.report()] : [...new Set([this.report(), this.report()])];
    const decl: Decl = {
      kind: 'Error',
      name,
      title: title ?? `${this.random.pick(V.errorSubjects)} ${this.random.pick(V.errorProblems)}`,
      ref: this.errorSection,
      reports,
      ...(this.random.chance(0.5) ? { resubmit: true as const } : {}),
      ...(this.random.chance(0.6) ? { responsible: this.party() } : {}),
    };
    this.add(fragment, decl);
    this.count('error codes');
    this.recentCodes.push(name);
    if (this.recentCodes.length > 30) this.recentCodes.shift();
    return name;
  }

  /** A code for a failure action: mostly new, sometimes one used nearby. */
  private failCode(fragment: Fragment, family: string): string {
    return this.recentCodes.length > 10 && this.random.chance(0.3) ? this.random.pick(this.recentCodes) : this.code(fragment, family);
  }

  private artefact(producer: string): string {
    const [base, title] = this.random.pick(V.artefactKinds);
    const name = this.unique(`${base}${this.random.int(1, 999)}`);
    this.add('parties', { kind: 'Artefact', name, title: `${title} ${name.slice(base.length)}`, by: producer });
    this.count('artefacts');
    return name;
  }

  private awaitedArtefact(): string {
    if (this.awaited.length < 5 || this.random.chance(0.4)) {
      const name = this.artefact(this.party());
      this.awaited.push(name);
      return name;
    }
    return this.random.pick(this.awaited);
  }

  // ---- Retry strategies -------------------------------------------------------

  private strategy(): Strategy {
    if (this.strategies.length >= 5 && this.random.chance(0.8)) return this.random.pick(this.strategies);
    const { items, horizon } = planRetry(this.random);
    const name = this.unique(`${this.random.pick(V.verbs)}${this.random.pick(V.nouns)}Retry`);
    this.add('retries', {
      kind: 'Retry',
      ...(this.random.chance(0.4) ? { comment: this.random.pick(V.retryComments) } : {}),
      name,
      ref: this.section(`3.${++this.retrySections}`, `Retry strategy ${name}`),
      ...items,
    });
    this.count('retry strategies');
    const strategy = { name, horizon };
    this.strategies.push(strategy);
    this.horizons.set(name, horizon);
    return strategy;
  }

  // ---- Expressions --------------------------------------------------------------

  private cohort(): (typeof this.cohorts)[number] {
    if (this.cohorts.length < 3 || (this.cohorts.length < 40 && this.random.chance(0.01))) {
      const i = this.cohorts.length;
      const name = this.unique(V.cohortNames[i] ?? `Wave${i}`);
      const cohort = { name, title: V.cohortTitles[i] ?? `Migration wave ${i}`, groups: [] };
      this.cohorts.push(cohort);
      this.unmentioned.add(name);
      this.bytes += name.length + cohort.title.length + 12;
      this.count('cohorts');
      return cohort;
    }
    return this.random.pick(this.cohorts);
  }

  private group(): string {
    const cohort = this.cohort();
    if (cohort.groups.length === 0 || (cohort.groups.length < 6 && this.random.chance(0.05))) {
      const name = this.unique(cohort.groups.length === 0 && cohort.name === 'MOC_Secure' ? 'DA' : `${cohort.name.replace(/_/g, '')}G${cohort.groups.length + 1}`);
      const title = this.random.pick(V.groupTitles);
      cohort.groups.push({ name, title });
      this.bytes += name.length + title.length + 12;
      this.count('groups');
      return name;
    }
    return this.random.pick(cohort.groups).name;
  }

  /** A term about cohorts and groups that some cohort or group satisfies. */
  private membership(): Expr {
    const roll = this.random.float();
    if (roll < 0.45) return { cohort: this.mention(this.unmentioned.values().next().value ?? this.cohort().name) };
    if (roll < 0.75) return { group: this.group() };
    const first = this.mention(this.cohort().name);
    const second = this.mention(this.cohort().name);
    // `not` needs at least three cohorts to leave one reachable; the first three are made at once.
    if (roll < 0.9 && first !== second) return { or: [{ cohort: first }, { cohort: second }] };
    return { not: { cohort: first } };
  }

  private mention(cohort: string): string {
    this.unmentioned.delete(cohort);
    return cohort;
  }

  private guard(membership: boolean): Guard {
    const unless = this.random.chance(0.2) ? { unless: true as const } : {};
    if (!membership) return { ...unless, expr: predicate(this.random) };
    const term = this.membership();
    const roll = this.random.float();
    const expr: Expr = roll < 0.6 ? term : roll < 0.9 ? { and: [term, predicate(this.random)] } : { or: [term, fieldTerm(this.random, this.random.pick(fields))] };
    return { ...unless, expr };
  }

  // ---- Actions and deadlines ----------------------------------------------------

  private action(canRollback: boolean, inDeadline: boolean): Action {
    const roll = this.random.float();
    if (canRollback && roll < 0.2) {
      this.count('rollbacks');
      return { rollbackThenFail: this.failCode('codes-rollback', 'MR') };
    }
    if (roll < 0.35) {
      this.count('incidents');
      const resolvedBy = [...new Set([this.party(), ...(this.random.chance(0.4) ? [this.party()] : [])])];
      const thenRoll = this.random.float();
      if (thenRoll < 0.25) {
        const then = { fail: this.failCode('codes-incidents', 'MI') };
        return { incident: { resolvedBy, then, ...(this.random.chance(0.5) ? { elseFail: this.failCode('codes-incidents', 'MI') } : {}) } };
      }
      const then = inDeadline || thenRoll < 0.7 ? 'continue' : 'retry';
      return { incident: { resolvedBy, then, elseFail: this.failCode('codes-incidents', 'MI') } };
    }
    return { fail: this.failCode('codes-steps', 'MP') };
  }

  private deadline(horizon: number, canRollback: boolean): Deadline {
    const recent = this.anchors.slice(-40);
    const base = this.random.pick([30 * MINUTE, 2 * HOUR, 6 * HOUR, 24 * HOUR, 48 * HOUR, 72 * HOUR, 5 * DAY]);
    this.count('deadlines');
    return { within: formatDuration(Math.max(base, roundUp(horizon))), after: this.random.pick(recent), else: this.action(canRollback, true) };
  }

  // ---- The flow -----------------------------------------------------------------

  private stage(): Stage {
    const [baseName, title] = this.random.pick(V.stageTitles);
    const name = this.unique(baseName);
    const ref = this.stageSection(title);
    const by = this.random.chance(0.7) ? this.party() : undefined;
    const guardRoll = this.random.float();
    const guard = guardRoll < 0.3 ? this.guard(true) : guardRoll < 0.4 ? this.guard(false) : undefined;
    const scope: Scope = { party: by, guarded: guard !== undefined, membershipGuarded: guardRoll < 0.3, section: ref, inStage: true };
    const undoableAtStart = this.undoable;
    const anchorsAtStart = this.anchors.length;
    const validation = this.random.chance(0.3);
    const items: (Step | Check)[] = [];
    for (let n = this.random.int(2, 9); n > 0; n--) {
      items.push(this.random.chance(validation ? 0.8 : 0.3) ? this.check(scope) : this.step(scope));
    }
    const steps = items.filter((item): item is Step => item.kind === 'Step');
    // Stage actions apply to every step inside: a rollback needs an undo before the first, and no commit inside.
    const canRollback = undoableAtStart > 0 && !steps.some((s) => s.commit);
    const horizon = Math.max(0, ...steps.map((s) => this.horizonOf(s.retry)));
    const deadlines = steps.length > 0 && anchorsAtStart > 0 && this.random.chance(0.1) ? [this.deadlineBefore(anchorsAtStart, horizon, canRollback)] : undefined;
    this.count('stages');
    return {
      kind: 'Stage',
      ...(this.random.chance(0.6) ? { comment: `${title}: MEHRS ${ref}` } : {}),
      name,
      ref,
      ...(by === undefined ? {} : { by }),
      ...(guard === undefined ? {} : { guard }),
      // Handlers only where there are steps to apply them to.
      ...(steps.length > 0 && this.random.chance(0.3) ? { onFailure: this.action(canRollback, false) } : {}),
      ...(steps.length > 0 && this.random.chance(0.12) ? { onExhausted: this.action(canRollback, false) } : {}),
      ...(deadlines === undefined ? {} : { deadlines }),
      items,
    };
  }

  /** A stage deadline, anchored on something reached before the stage began. */
  private deadlineBefore(anchorCount: number, horizon: number, canRollback: boolean): Deadline {
    const saved = this.anchors.splice(anchorCount);
    const deadline = this.deadline(horizon, canRollback);
    this.anchors.push(...saved);
    return deadline;
  }

  private horizonOf(strategy: string | undefined): number {
    return strategy === undefined ? 0 : this.horizons.get(strategy)!;
  }

  private step(scope: Scope): Step {
    const name = this.unique(`${this.random.pick(V.verbs)}${this.random.pick(V.nouns)}`);
    const by = scope.party === undefined || this.random.chance(0.3) ? this.party() : undefined;
    const party = by ?? scope.party!;
    // Items in a stage inherit its `ref`; a top-level item has its own section.
    const ref = !scope.inStage ? scope.section : this.random.chance(0.4) ? this.subsection(scope.section, `Step ${name}`) : undefined;
    const guardRoll = this.random.float();
    const guard = guardRoll < 0.25 ? this.guard(!scope.membershipGuarded && guardRoll < 0.15) : undefined;
    const strategy = this.random.chance(0.5) ? this.strategy() : undefined;
    const commit = this.random.chance(0.05);
    const canRollback = this.undoable > 0 && !commit;
    const await_ = this.random.chance(0.15) ? this.awaitedArtefact() : undefined;
    const deadlines = this.anchors.length > 0 && this.random.chance(0.2) ? [this.deadline(strategy?.horizon ?? 0, canRollback)] : undefined;
    const produces = this.random.chance(0.3) ? [this.artefact(party)] : undefined;
    const mayFail = this.random.chance(0.25) ? Array.from({ length: this.random.int(1, 3) }, () => this.code('codes-steps', 'MP')) : undefined;
    const undo = this.random.chance(0.25)
      ? { name: this.unique(`${this.random.pick(V.undoVerbs)}${name}`), by: this.party(), ...(this.random.chance(0.3) && ref !== undefined ? { ref } : {}) }
      : undefined;
    const onFailure = this.random.chance(0.45) ? this.action(canRollback, false) : undefined;
    const onExhausted = strategy !== undefined && this.random.chance(0.4) ? this.action(canRollback, false) : undefined;

    if (!scope.guarded && guard === undefined) {
      this.anchors.push(name, ...(produces ?? []), ...(await_ === undefined ? [] : [await_]));
      if (undo !== undefined) this.undoable++;
    }
    // Invariant: any commit, even a guarded one, ends what a later rollback may undo.
    if (commit) this.undoable = 0;
    this.count('steps');
    if (undo !== undefined) this.count('undos');
    return {
      kind: 'Step',
      ...(this.random.chance(0.08) ? { comment: this.random.pick(V.stepComments) } : {}),
      name,
      ...(ref === undefined ? {} : { ref }),
      ...(by === undefined ? {} : { by }),
      ...(guard === undefined ? {} : { guard }),
      ...(strategy === undefined ? {} : { retry: strategy.name }),
      ...(await_ === undefined ? {} : { await: await_ }),
      ...(deadlines === undefined ? {} : { deadlines }),
      ...(produces === undefined ? {} : { produces }),
      ...(mayFail === undefined ? {} : { mayFail }),
      ...(undo === undefined ? {} : { undo }),
      ...(commit ? { commit: true as const } : {}),
      ...(onFailure === undefined ? {} : { onFailure }),
      ...(onExhausted === undefined ? {} : { onExhausted }),
    };
  }

  private check(scope: Scope): Check {
    const code = this.code('codes-checks', 'MA');
    const ref = !scope.inStage ? scope.section : this.random.chance(0.3) ? this.subsection(scope.section, `Check ${code}`) : undefined;
    const guard = this.random.chance(0.2) ? this.guard(!scope.membershipGuarded) : undefined;
    this.count('checks');
    return {
      kind: 'Check',
      code,
      ...(ref === undefined ? {} : { ref }),
      ...(guard === undefined ? {} : { guard }),
      ...(this.random.chance(0.75) ? { requires: predicate(this.random) } : {}),
    };
  }
}

/** A valid policy of about `targetBytes` bytes of `.mpol` text, the same for the same seed. */
export function generatePolicy(targetBytes: number, seed: number): GeneratedPolicy {
  return new Generator(seed).generate(targetBytes);
}
