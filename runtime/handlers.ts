/**
 * What the handlers of a compiled policy receive and return. The emitted
 * module composes these into a `Handlers` interface with one member per
 * step, external check, undo, awaited artefact and incident.
 */
import type { Membership } from './policy.js';

/**
 * What every handler is told about the installation it acts on: a frozen
 * context, nothing of the run's own state (docs/runtime.md, "Nothing a
 * handler does reaches past its guard").
 */
export interface HandlerContext<I> {
  /** A read-only view of the installation the caller gave. */
  readonly installation: I;
  readonly membership: Membership;
  /** The current time on the run's clock, in milliseconds. */
  readonly now: number;
  /** Which migration attempt of this installation this is, from 1. */
  readonly migrationAttempt: number;
  /** When each artefact so far was produced or arrived. */
  /** A frozen copy, taken at the call. */
  readonly artefacts: Readonly<Record<string, number>>;
}

export interface StepContext<I> extends HandlerContext<I> {
  readonly step: string;
  /** Which attempt of this step this is, from 1. */
  readonly attempt: number;
}

/**
 * A step attempt's result. `duration` is how long the attempt took on the
 * run's clock (default 0); `detail` is recorded in the timeline.
 */
export type StepResult<C extends string = string> =
  | { readonly status: 'ok'; readonly duration?: number; readonly detail?: string }
  | { readonly status: 'transient'; readonly duration?: number; readonly detail?: string }
  | { readonly status: 'permanent'; readonly code?: C; readonly duration?: number; readonly detail?: string };

export type MaybePromise<T> = T | Promise<T>;

export type StepHandler<I, C extends string = string> = (context: StepContext<I>) => MaybePromise<StepResult<C>>;

export interface CheckContext<I> extends HandlerContext<I> {
  readonly code: string;
}

/** An external check passes when its handler returns `true`. */
export type CheckHandler<I> = (context: CheckContext<I>) => MaybePromise<boolean>;

export interface UndoContext<I> extends HandlerContext<I> {
  readonly undo: string;
  /** The step whose effect is undone. */
  readonly step: string;
}

export type UndoResult =
  | { readonly status: 'ok'; readonly duration?: number; readonly detail?: string }
  | { readonly status: 'failed'; readonly duration?: number; readonly detail?: string };

export type UndoHandler<I> = (context: UndoContext<I>) => MaybePromise<UndoResult>;

export interface ArrivalContext<I> extends HandlerContext<I> {
  readonly artefact: string;
}

/** When the awaited artefact arrives, as a time on the run's clock, or `null` if it never does. */
export type ArrivalHandler<I> = (context: ArrivalContext<I>) => MaybePromise<number | null>;

export interface IncidentContext<I> extends HandlerContext<I> {
  /** The step whose failure raised the incident. */
  readonly step: string;
  readonly resolvers: readonly string[];
}

/** Who resolved the incident and when (a time on the run's clock), or `null` if nobody does. */
export type IncidentResolution<P extends string = string> = { readonly resolvedBy: P; readonly at: number } | null;

export type IncidentHandler<I, P extends string = string> = (context: IncidentContext<I>) => MaybePromise<IncidentResolution<P>>;

/**
 * The handlers the runtime looks names up in: `steps[step]`,
 * `checks[code]`, `undos[undo]`, `arrivals[artefact]` and
 * `incidents[step]`. An emitted `Handlers` interface is this shape with one
 * named member per handler; the runtime itself only needs the lookup.
 */
export interface HandlerTable<I> {
  readonly steps?: Readonly<Record<string, StepHandler<I>>>;
  readonly checks?: Readonly<Record<string, CheckHandler<I>>>;
  readonly undos?: Readonly<Record<string, UndoHandler<I>>>;
  readonly arrivals?: Readonly<Record<string, ArrivalHandler<I>>>;
  readonly incidents?: Readonly<Record<string, IncidentHandler<I>>>;
}
