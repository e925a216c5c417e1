/**
 * The bundled fault models say which of their values are public and which
 * are assumed, so no one reads an assumed rate or delay as a forecast.
 * Every value of MEHRS v2.1's campaign is classified here: a public one
 * must equal the public figure (the scale section of the domain brief),
 * an assumed one must be named as assumed by the model's description. A
 * campaign value added without a classification fails the walk.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const policies = path.resolve(import.meta.dirname, '../../policies/mehrs');
const model = (version: string) =>
  JSON.parse(readFileSync(path.join(policies, version, 'faults.json'), 'utf8')) as { description: string; campaign?: Record<string, unknown> };

/** Every leaf of `value` as a dotted path (array items as `[i]`), with its value. */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, at ? `${at}.${key}` : key));
  return [[at, value]];
}

type Source = { public: (value: unknown) => boolean } | { assumed: RegExp };

/** How each campaign value is known: the first pattern that matches its path decides. */
const classification: [RegExp, Source][] = [
  // About 31,000 migrations a working day at the peak [public].
  [/^capacity\.daily$/, { public: (value) => value === 31000 }],
  [/^capacity\.responsible\.SMSO$/, { assumed: /assumed are .*cap of 2,000 resubmissions a day/ }],
  [/^calendar\.start$/, { assumed: /assumed are .*the start date/ }],
  [/^calendar\.workingDays\[\d\]$/, { public: (value) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(value as string) }],
  [/^calendar\.holidays\[\d+\]$/, { assumed: /assumed are .*bank holidays as days without migrations/ }],
  [/^resubmission\./, { assumed: /assumed are .*every resubmission delay/ }],
  // Secure over 4 million [public]; how it splits between GroupID DA and the rest is not.
  [/^estate\.(MOC_Secure|MOC_Secure\/DA)$/, { assumed: /assumed are .*split .* of Secure between GroupID DA and the rest/ }],
  [/^estate\./, { assumed: /assumed are the split of the other cohorts/ }],
];

describe('the bundled fault models', () => {
  it('say that every failure rate is an assumption, not a measured figure', () => {
    for (const version of ['v2.0', 'v2.1']) expect(model(version).description).toMatch(/Every (failure )?rate here is an assumption for simulation, not a measured figure/);
  });

  it("classify every value of v2.1's campaign as public (equal to the public figure) or assumed (named in the description)", () => {
    const { description, campaign } = model('v2.1');
    const values = leaves(campaign);
    expect(values.length).toBeGreaterThan(10);
    for (const [at, value] of values) {
      const source = classification.find(([pattern]) => pattern.test(at))?.[1];
      expect(source, `campaign.${at} is neither public nor assumed`).toBeDefined();
      if (source && 'public' in source) expect(source.public(value), `campaign.${at} = ${String(value)} is not the public figure`).toBe(true);
      if (source && 'assumed' in source) expect(description, `campaign.${at} is assumed but the description does not say so`).toMatch(source.assumed);
    }
  });

  it("gives v2.1's campaign the public scale: about 13 million installations, Secure over 4 million and about 32%", () => {
    const estate = model('v2.1').campaign!['estate'] as Record<string, number>;
    const total = Object.values(estate).reduce((sum, n) => sum + n, 0);
    const secure = (estate['MOC_Secure'] ?? 0) + (estate['MOC_Secure/DA'] ?? 0);
    expect(total).toBeGreaterThanOrEqual(12_500_000);
    expect(total).toBeLessThanOrEqual(13_500_000);
    expect(secure).toBeGreaterThan(4_000_000);
    expect(Math.abs(secure / total - 0.32)).toBeLessThan(0.02);
    expect(model('v2.1').description).toMatch(/public are the estate of about 13 million installations with MOC Secure over 4 million \(about 32%\), and the peak of about 31,000 migrations a working day/);
  });
});
