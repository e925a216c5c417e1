/**
 * The state of one run: the clock's reading, the timeline, artefact and
 * completion times, the steps a rollback would undo, and the deadline the
 * current step is racing. Every other module takes a `Run` first.
 */
import { emptyRecord, own } from '../../common/own.js';
import { timeLimit, timeLimitInWords } from '../../common/time-bound.js';
import type { Clock } from '../clock.js';
import { MigrationUsageError } from '../errors.js';
import type { ArrivalContext, CheckContext, IncidentContext, StepContext, UndoContext } from '../handlers.js';
import type { HandlerGroups } from './handler-table.js';
import type { CompiledPolicy, Membership, RetryDefinition, StepNode } from '../policy.js';
import type { RandomSource } from '../random.js';
import { checkStrategy } from './schedule.js';
import type { TimelineKind } from '../timeline.js';
import { readOnlyView } from './read-only.js';
import { TimelineRecorder } from './recorder.js';

/** A policy as the runtime sees it, whatever its handlers and codes. */
export type AnyPolicy<I> = CompiledPolicy<I, unknown, string>;

export class Run<I> {
  /** The run's current time; it only moves forward. */
  now: number;
  /** The earliest applicable deadline of the current step, or `Infinity`. */
  deadlineAt = Infinity;
  /** Its index in the step's `deadlines`, or -1. */
  deadlineIndex = -1;
  readonly timeline: TimelineRecorder;
  /** When each artefact was produced or arrived; handlers see only frozen copies (`artefactsView`). */
  private readonly artefactTimes = emptyRecord<number>();
  /** The frozen copy handed out since the last stamp, if any. */
  private artefactsCopy: Readonly<Record<string, number>> | null = null;
  /** The installation as handlers see it: read-only. */
  private readonly installationView: I;
  readonly completions = new Map<string, number>();
  /** Completed steps with an undo since the last commit, oldest first. */
  readonly undoable: StepNode<I>[] = [];

  constructor(
    readonly policy: AnyPolicy<I>,
    readonly installation: I,
    /** Frozen: handlers are given it as it is. */
    readonly membership: Membership,
    readonly handlers: HandlerGroups,
    readonly clock: Clock,
    readonly random: RandomSource,
    readonly migrationAttempt: number,
    readonly handlerTimeoutMs: number,
    timelineLimit: number,
  ) {
    this.now = clock.now();
    this.timeline = new TimelineRecorder(timelineLimit);
    this.installationView = readOnlyView(installation);
  }

  /** Records an event at the current time. */
  emit(kind: TimelineKind, step?: string, attempt?: number, detail?: string): void {
    this.timeline.record({ at: this.now, kind, step, attempt, detail });
  }

  /**
   * Waits on the clock until `time` and moves `now` there (or to the clock's
   * reading, if a real clock is already later). Returns a promise only when
   * the clock does. A time past `timeLimit` (handlers' durations or the
   * policy's waits, added up) would not be exact: the run stops there with a
   * usage error, never a rounded time.
   */
  advance(time: number): void | Promise<void> {
    if (time <= this.now) return;
    if (!(time <= timeLimit)) {
      throw new MigrationUsageError(`the run's clock would pass ${timeLimitInWords}, past which times are not exact: the durations handlers return, or the policy's waits, add up to too long a run`);
    }
    const waiting = this.clock.waitUntil(time);
    if (waiting === undefined) {
      this.now = Math.max(time, this.clock.now());
      return;
    }
    return waiting.then(() => {
      this.now = Math.max(time, this.clock.now());
    });
  }

  /** When a deadline anchor was produced, arrived or completed, if it has. */
  anchorTime(anchor: string): number | undefined {
    return this.artefactTimes[anchor] ?? this.completions.get(anchor);
  }

  /** When `artefact` was produced or arrived, if it has. */
  artefactTime(artefact: string): number | undefined {
    return this.artefactTimes[artefact];
  }

  /** Records when `artefact` was produced or arrived. */
  stampArtefact(artefact: string, time: number): void {
    this.artefactTimes[artefact] = time;
    this.artefactsCopy = null;
  }

  /**
   * The artefact times as a frozen copy, the same one until the next stamp:
   * what handlers and the result see. Nothing a handler does with it, now or
   * after the run, reaches the run.
   */
  artefactsView(): Readonly<Record<string, number>> {
    return (this.artefactsCopy ??= Object.freeze(Object.assign(emptyRecord<number>(), this.artefactTimes)));
  }

  /** Marks a step completed now: stamps its artefacts, and commits or remembers its undo. */
  complete(step: StepNode<I>): void {
    this.completions.set(step.name, this.now);
    for (const artefact of step.produces) this.stampArtefact(artefact, this.now);
    if (step.commit) {
      this.undoable.length = 0;
      this.emit('commit', step.name);
    } else if (step.undo !== null) {
      this.undoable.push(step);
    }
  }

  /** The named strategy, checked; a missing or malformed one is a usage error. */
  strategy(name: string): RetryDefinition {
    const strategy = own(this.policy.retries, name);
    if (strategy === undefined) throw new MigrationUsageError(`the policy has no retry strategy \`${name}\``);
    checkStrategy(name, strategy);
    return strategy;
  }

  /** What every handler is told, frozen: handlers get copies, never the run's own state. */
  private context() {
    return { installation: this.installationView, membership: this.membership, now: this.now, migrationAttempt: this.migrationAttempt, artefacts: this.artefactsView() };
  }

  stepContext(step: string, attempt: number): StepContext<I> {
    return Object.freeze({ ...this.context(), step, attempt });
  }

  checkContext(code: string): CheckContext<I> {
    return Object.freeze({ ...this.context(), code });
  }

  undoContext(undo: string, step: string): UndoContext<I> {
    return Object.freeze({ ...this.context(), undo, step });
  }

  arrivalContext(artefact: string): ArrivalContext<I> {
    return Object.freeze({ ...this.context(), artefact });
  }

  incidentContext(step: string, resolvers: readonly string[]): IncidentContext<I> {
    return Object.freeze({ ...this.context(), step, resolvers: Object.freeze([...resolvers]) });
  }
}
