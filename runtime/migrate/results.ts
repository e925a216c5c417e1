/**
 * What counts as a valid handler value. Each function returns a short
 * description of what is wrong, or `null` when the value is valid; an
 * invalid value is treated like a handler that threw.
 */

function durationProblem(duration: unknown): string | null {
  if (duration === undefined) return null;
  return typeof duration === 'number' && duration >= 0 && Number.isFinite(duration)
    ? null
    : 'invalid result: `duration` is not a finite number of milliseconds >= 0';
}

/** A `StepResult` whose permanent `code`, if any, is one of the step's `may fail` codes. */
export function stepResultProblem(value: unknown, mayFail: readonly string[]): string | null {
  if (typeof value !== 'object' || value === null) return 'invalid result: not an object';
  const result = value as { status?: unknown; duration?: unknown; code?: unknown };
  const status = result.status;
  if (status !== 'ok' && status !== 'transient' && status !== 'permanent') {
    return 'invalid result: `status` is not `ok`, `transient` or `permanent`';
  }
  if (status === 'permanent' && result.code !== undefined) {
    if (typeof result.code !== 'string' || !mayFail.includes(result.code)) {
      return `invalid result: \`${String(result.code)}\` is not a \`may fail\` code of the step`;
    }
  }
  return durationProblem(result.duration);
}

/** An `UndoResult`. */
export function undoResultProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'invalid result: not an object';
  const result = value as { status?: unknown; duration?: unknown };
  if (result.status !== 'ok' && result.status !== 'failed') {
    return 'invalid result: `status` is not `ok` or `failed`';
  }
  return durationProblem(result.duration);
}

/** An arrival time: a finite number, or `null` for an artefact that never arrives. */
export function arrivalProblem(value: unknown): string | null {
  if (value === null) return 'it never arrives';
  return typeof value === 'number' && Number.isFinite(value) ? null : 'invalid arrival time';
}

/** An `IncidentResolution` by one of the incident's resolvers; `null` means nobody resolves it. */
export function resolutionProblem(value: unknown, resolvers: readonly string[]): string | null {
  if (value === null) return 'nobody resolved it';
  if (typeof value !== 'object') return 'invalid resolution: not an object';
  const resolution = value as { resolvedBy?: unknown; at?: unknown };
  if (typeof resolution.at !== 'number' || !Number.isFinite(resolution.at)) {
    return 'invalid resolution: `at` is not a finite time';
  }
  if (typeof resolution.resolvedBy !== 'string' || !resolvers.includes(resolution.resolvedBy)) {
    return `\`${String(resolution.resolvedBy)}\` may not resolve it`;
  }
  return null;
}
