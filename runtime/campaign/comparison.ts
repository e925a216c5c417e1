/**
 * `compareCampaigns`: the same campaign under two policies or two fault
 * models as plain data: every figure of both sides with the difference
 * B − A, codes, attempts per installation and exclusions by responsible
 * party matched up by key (a row one side lacks counts 0 there). The text
 * comparison (`compare.ts`), the JSON of `--compare` and its HTML page all
 * read this, so they cannot disagree.
 */
import type { CampaignResult } from './result.js';

/** One figure of both campaigns: `b − a` in `difference`. */
export interface ComparedFigure {
  readonly key: string;
  /** What the figure is, as a table's row says it. */
  readonly label: string;
  readonly a: number;
  readonly b: number;
  readonly difference: number;
  /** Decimal places the figure is shown with (0: a count). */
  readonly digits: number;
}

/** Counts of both sides and their difference. */
export interface ComparedCount {
  readonly a: number;
  readonly b: number;
  readonly difference: number;
}

export interface CampaignComparison {
  readonly figures: readonly ComparedFigure[];
  /** Codes that occurred on either side, in A's order then B's. */
  readonly codes: readonly {
    readonly code: string;
    readonly responsible: string | null;
    readonly resubmitted: ComparedCount;
    readonly failed: ComparedCount;
    readonly excluded: ComparedCount;
  }[];
  /** Installations by the attempts they took, on either side, in order of attempts. */
  readonly attempts: readonly ({ readonly attempts: string } & ComparedCount)[];
  /** Excluded installations by the responsible party of their last code, on either side. */
  readonly excludedByResponsible: readonly ({ readonly responsible: string | null } & ComparedCount)[];
}

const count = (a: number, b: number): ComparedCount => ({ a, b, difference: b - a });

/** Share of the offered slots used, in percent, to one decimal as shown. */
const capacityShare = (result: CampaignResult): number => (result.capacity.slots === 0 ? 0 : Math.round((result.capacity.used / result.capacity.slots) * 1000) / 10);

const figures: readonly { key: string; label: string; of: (result: CampaignResult) => number; digits?: number }[] = [
  { key: 'installations', label: 'installations', of: (r) => r.installations },
  { key: 'daysToComplete', label: 'days to complete', of: (r) => r.days.complete },
  { key: 'workingDays', label: 'working days', of: (r) => r.days.working },
  { key: 'migrated', label: 'migrated', of: (r) => r.outcomes.migrated },
  { key: 'failed', label: 'failed for good', of: (r) => r.outcomes.failed },
  { key: 'excluded', label: 'excluded', of: (r) => r.outcomes.excluded },
  { key: 'attempts', label: 'migration attempts', of: (r) => r.attempts.total },
  { key: 'resubmissions', label: 'resubmissions', of: (r) => r.attempts.resubmissions },
  { key: 'meanAttempts', label: 'attempts per installation', of: (r) => r.attempts.mean ?? 0, digits: 3 },
  { key: 'maxAttempts', label: 'most attempts of one installation', of: (r) => r.attempts.max },
  { key: 'peakResubmissions', label: 'most resubmissions a day', of: (r) => Math.max(0, ...r.daily.resubmitted) },
  { key: 'capacityUsed', label: 'capacity used, %', of: capacityShare, digits: 1 },
];

export function compareCampaigns(a: CampaignResult, b: CampaignResult): CampaignComparison {
  const rounded = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    figures: figures.map(({ key, label, of, digits = 0 }) => {
      const [va, vb] = [of(a), of(b)];
      return { key, label, a: va, b: vb, difference: rounded(vb - va, digits), digits };
    }),
    codes: matched(a.codes, b.codes, (row) => row.code).map(([code, ra, rb]) => ({
      code,
      responsible: (ra ?? rb)!.responsible,
      resubmitted: count(ra?.resubmitted ?? 0, rb?.resubmitted ?? 0),
      failed: count(ra?.failed ?? 0, rb?.failed ?? 0),
      excluded: count(ra?.excluded ?? 0, rb?.excluded ?? 0),
    })),
    attempts: matched(a.attempts.histogram, b.attempts.histogram, (row) => row.attempts)
      .sort(([x], [y]) => Number.parseInt(x, 10) - Number.parseInt(y, 10))
      .map(([attempts, ra, rb]) => ({ attempts, ...count(ra === undefined ? 0 : installationsIn(ra), rb === undefined ? 0 : installationsIn(rb)) })),
    excludedByResponsible: matched(a.excludedByResponsible, b.excludedByResponsible, (row) => row.responsible).map(([responsible, ra, rb]) => ({
      responsible,
      ...count(ra?.count ?? 0, rb?.count ?? 0),
    })),
  };
}

const installationsIn = (row: { readonly migrated: number; readonly failed: number; readonly excluded: number }): number => row.migrated + row.failed + row.excluded;

/** The rows of both lists by key, A's order first, then the keys only B has. */
function matched<T, K>(a: readonly T[], b: readonly T[], keyOf: (row: T) => K): [K, T | undefined, T | undefined][] {
  const rows = new Map<K, [T | undefined, T | undefined]>();
  for (const row of a) rows.set(keyOf(row), [row, undefined]);
  for (const row of b) rows.set(keyOf(row), [rows.get(keyOf(row))?.[0], row]);
  return [...rows].map(([key, [ra, rb]]) => [key, ra, rb]);
}
