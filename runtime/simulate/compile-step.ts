/**
 * Generates the JavaScript of one step for the compiled simulator: exactly
 * `attemptStep` (step.ts), `makeAttempts` (attempts.ts), `Schedule`
 * (schedule.ts) and `Run.complete` (run.ts), specialised to the step's
 * constants, with the fault model's draws inlined where `faultHandlers`
 * makes them. Each comment names the executor code it mirrors; a change there
 * must be made here too (the differential test catches a mismatch).
 *
 * A go at the step leaves `fc` = 0 (completed), 1 (permanent), 2 (exhausted)
 * or 3 (deadline, `fdl` its index), with `fcode` the permanent code or -1;
 * what a failure leads to is compile-action.ts.
 */
import { own } from '../../common/own.js';
import { artefactFaultsFor } from '../fault-model/fault-model.js';
import type { RetryDefinition, StepNode } from '../policy.js';
import { actionsSource, type StepPlace } from './compile-action.js';
import { drawFault, drawJitter, durationSource, literal, type Source } from './source.js';

export function stepSource(source: Source, step: StepNode<unknown>, place: StepPlace): void {
  const body = (): void => {
    goSource(source, step, `go${place.index}`, place.index);
    source.block('if (fc !== 0)', () => actionsSource(source, step, place, (label) => goSource(source, step, label, place.index)));
    completeSource(source, step, place.index);
  };
  source.line(`// step ${place.index}`);
  if (step.guard === null) source.block('', body);
  else source.block(`if (${source.call(step.guard)}(inst, mem))`, body);
}

/** attemptStep: step deadlines already past, the awaited artefact (or its arrival deadlines, if it is there), then the attempts. */
function goSource(source: Source, step: StepNode<unknown>, label: string, index: number): void {
  source.line('fc = 0; fcode = -1;');
  source.block(`${label}:`, () => {
    if (hasDeadlines(source, step)) {
      watchSource(source, step);
      source.line(`if (dl < now) { fc = 3; fdl = di; break ${label}; }`);
    }
    if (step.await !== null) awaitSource(source, step, label, index);
    attemptsSource(source, step, label, index);
  });
}

/** Whether a step deadline of the step can ever apply (its anchor gets a time somewhere in the flow). */
const hasDeadlines = (source: Source, step: StepNode<unknown>): boolean =>
  step.deadlines.some((deadline) => deadline.arrival !== true && source.anchor(deadline.anchor) !== null);

const hasArrivalDeadlines = (source: Source, step: StepNode<unknown>): boolean =>
  step.deadlines.some((deadline) => deadline.arrival === true && source.anchor(deadline.anchor) !== null);

/** deadlinePassed: move to the deadline instant (never back) and fail with its index. */
const passed = (label: string): string => `{ if (dl > now) now = dl; fc = 3; fdl = di; break ${label}; }`;

/** watchDeadlines: the earliest step deadline whose anchor has a time; the first written wins a tie. */
function watchSource(source: Source, step: StepNode<unknown>): void {
  source.line('dl = Infinity; di = -1;');
  step.deadlines.forEach((deadline, index) => {
    const anchor = source.anchor(deadline.anchor);
    if (anchor === null || deadline.arrival === true) return;
    source.line(`t = ${anchor}; if (t >= 0) { t = t + ${literal(deadline.within)}; if (t < dl) { dl = t; di = ${index}; } }`);
  });
}

/**
 * missedWhileWaiting: the watched step deadline if the artefact is not there
 * before it (`arrivesAt`), or an arrival deadline the arrival time `recv`
 * misses (at its due instant, or now if past); the earliest fires, the first
 * written on a tie. `recv` is `Infinity` for an artefact that never arrives.
 */
function missedSource(source: Source, step: StepNode<unknown>, label: string, arrivesAt: string): void {
  const steps = hasDeadlines(source, step);
  const arrivals = hasArrivalDeadlines(source, step);
  if (!steps && !arrivals) return;
  source.line(steps ? `let fd = ${arrivesAt} > dl ? dl : Infinity, fi = fd === Infinity ? -1 : di;` : 'let fd = Infinity, fi = -1;');
  step.deadlines.forEach((deadline, index) => {
    const anchor = source.anchor(deadline.anchor);
    if (anchor === null || deadline.arrival !== true) return;
    source.line(
      `t = ${anchor}; if (t >= 0) { t = t + ${literal(deadline.within)}; if (recv > t) { if (t < now) t = now; if (t < fd || (t === fd && ${index} < fi)) { fd = t; fi = ${index}; } } }`,
    );
  });
  source.line(`if (fi >= 0) { dl = fd; di = fi; ${passed(label)} }`);
}

/** awaitArtefact, with the artefact's fault draws (`never`, then the delay); an artefact already there meets the arrival deadlines or not. */
function awaitSource(source: Source, step: StepNode<unknown>, label: string, index: number): void {
  const artefact = step.await!;
  const slot = `a${source.layout.artefactSlot.get(artefact)!}`;
  const faults = artefactFaultsFor(source.model, artefact);
  const deadlines = hasDeadlines(source, step);
  source.block(`if (${slot} < 0)`, () => {
    source.line('let recv = Infinity;');
    const from = faults.after === null ? null : source.layout.artefactSlot.get(faults.after);
    const fromExpression = from === undefined || from === null ? 'now' : `(a${from} >= 0 ? a${from} : now)`;
    const arrives = (): void => {
      source.line(durationSource(faults.delay, 't'));
      source.line(`recv = ${fromExpression} + t;`);
    };
    if (faults.never > 0) source.block(`${drawFault} if (!(u < ${source.param('never', index, faults.never)}))`, arrives);
    else arrives();
    source.line('const arrivesAt = recv > now ? recv : now;');
    missedSource(source, step, label, 'arrivesAt');
    // Never arrives, and no deadline took it: a permanent failure now.
    if (faults.never > 0) source.line(`if (recv === Infinity) { fc = 1; break ${label}; }`);
    source.line(`now = arrivesAt; ${slot} = recv;`);
    if (deadlines) {
      watchSource(source, step);
      source.line(`if (dl < now) ${passed(label)}`);
    }
  });
  if (hasArrivalDeadlines(source, step)) {
    source.block('else', () => {
      source.line(`const recv = ${slot};`);
      missedSource(source, step, label, 'now');
    });
  }
}

/** One attempt's draws (status, duration, permanent code), as the fault handler draws them. */
function drawsSource(source: Source, step: StepNode<unknown>, index: number): void {
  const faults = source.stepFaults(step);
  const failure = faults.permanent + faults.transient;
  source.line('attempts++; st = 0; pc = -1;');
  if (failure > 0) {
    const [permanent, failed] = [source.param('permanent', index, faults.permanent), source.param('failure', index, failure)];
    source.line(`${drawFault} st = u < ${permanent} ? 2 : u < ${failed} ? 1 : 0;`);
  }
  source.line(durationSource(faults.duration, 'dur'));
  const codes = Object.entries(faults.codes).filter(([, probability]) => probability > 0);
  if (faults.permanent === 0 || codes.length === 0) return;
  let running = 0;
  const choices = codes.map(([code, probability]) => `if (u < ${literal((running += probability))}) pc = ${source.code(code)};`);
  source.line(`if (st === 2) { ${drawFault} ${choices.join(' else ')} }`);
}

/**
 * makeAttempts: attempts per the strategy, racing the deadline; exhaustion
 * at the end of the period. What the strategy makes constant is folded:
 * without `within` the period never ends, so exhaustion is at the last
 * failure (which the deadline check before it already cleared).
 */
function attemptsSource(source: Source, step: StepNode<unknown>, label: string, index: number): void {
  const strategy = step.retry === null ? null : own(source.policy.retries, step.retry)!;
  const deadlines = hasDeadlines(source, step);
  const limit = strategy === null ? 1 : (strategy.attempts ?? Infinity);
  const within = strategy?.within ?? null;
  const retries = strategy !== null && limit > 1 && strategy.tiers.length > 0;
  source.block('', () => {
    if (retries) source.line(`let attempt = 1, scheduled = now, tier = 0, inTier = 0;`);
    if (within !== null) source.line(`const periodEnd = now + ${literal(within)};`);
    source.block('for (;;)', () => {
      source.line('const start = now;');
      drawsSource(source, step, index);
      source.line('let end = start + dur;');
      if (strategy?.timeout != null) source.line(`if (end - start > ${literal(strategy.timeout)}) { st = 1; end = start + ${literal(strategy.timeout)}; }`);
      if (deadlines) source.line(`if (end > dl) ${passed(label)}`);
      source.line('now = end;');
      source.line('if (st === 0) break;');
      source.line(`if (st === 2) { fc = 1; fcode = pc; break ${label}; }`);
      if (retries) {
        source.line('let wait = -1;');
        const next = (): void => nextWaitSource(source, strategy);
        if (limit === Infinity) next();
        else source.block(`if (attempt < ${literal(limit)})`, next);
        source.block('if (wait >= 0)', () => {
          source.line('scheduled += wait;');
          source.line('const next = scheduled > now ? scheduled : now;');
          source.block(within === null ? '' : 'if (next <= periodEnd)', () => {
            if (deadlines) source.line(`if (next > dl) ${passed(label)}`);
            source.line('now = next; attempt++; continue;');
          });
        });
      }
      if (within !== null) {
        source.line('const exhaustedAt = periodEnd > now ? periodEnd : now;');
        if (deadlines) source.line(`if (exhaustedAt > dl) ${passed(label)}`);
        source.line('now = exhaustedAt;');
      }
      source.line(`fc = 2; break ${label};`);
    });
  });
}

/** Schedule.nextWait: the next tier with retries left, its interval, cap and jitter. */
function nextWaitSource(source: Source, strategy: RetryDefinition): void {
  const tiers = strategy.tiers;
  tiers.forEach((tier, index) => {
    if (tier.count !== null) source.line(`if (tier === ${index} && inTier >= ${literal(tier.count)}) { tier = ${index + 1}; inTier = 0; }`);
  });
  // The tiers always have a retry left when the last one repeats.
  const open = tiers[tiers.length - 1]!.count === null;
  source.block(open ? '' : `if (tier < ${tiers.length})`, () => {
    source.line('inTier++;');
    const intervals = tiers.map((tier) => {
      const grown = tier.factor === 1 ? literal(tier.every) : `${literal(tier.every)} * Math.pow(${literal(tier.factor)}, inTier - 1)`;
      const capped = tier.cap === null ? '' : ` if (interval > ${literal(tier.cap)}) interval = ${literal(tier.cap)};`;
      return `interval = ${grown};${capped}`;
    });
    source.line('let interval = 0;');
    if (tiers.length === 1) source.line(intervals[0]!);
    else tiers.forEach((_, index) => source.line(`${index === 0 ? '' : 'else '}if (tier === ${index}) { ${intervals[index]} }`));
    const jitter = strategy.jitter;
    if (jitter.kind === 'none') source.line('let w = interval;');
    else {
      source.usesJitter = true;
      source.line(drawJitter);
      if (jitter.kind === 'full') source.line('let w = Math.min(interval, Math.floor(u * (interval + 1)));');
      else {
        const [low, high] = [literal(jitter.low), literal(jitter.high)];
        source.line(`let w = interval + Math.min(${high}, ${low} + Math.floor(u * (${high} - ${low} + 1)));`);
      }
    }
    // Only growth can overflow to Infinity; a fixed interval is always finite.
    const grows = tiers.some((tier) => tier.factor !== 1);
    source.line(grows ? 'wait = Number.isFinite(w) ? w : -1;' : 'wait = w;');
  });
}

/** Run.complete: stamp completion and artefacts; a commit clears the undo list, else an undo joins it. */
function completeSource(source: Source, step: StepNode<unknown>, index: number): void {
  if (source.layout.completionSlot.has(step.name)) source.line(`c${index} = now;`);
  for (const artefact of step.produces) source.line(`a${source.layout.artefactSlot.get(artefact)!} = now;`);
  if (step.commit) source.line('sp = 0;');
  else if (step.undo !== null) source.line(`US[sp++] = ${source.layout.undoOfStep.get(index)!};`);
}
