import { describe, expect, it } from 'vitest';
import { migrate, type IncidentHandler } from 'mpol/runtime';
import { failPermanently, leaveUnresolved, resolveBy, table, timelineTable } from 'mpol/runtime/testing';
import type { Handlers } from '../../emit/golden/example.js';
import { incident, policy, step, type Inst } from '../builder.js';

const raising = policy([step('S', { onFailure: incident(['P', 'Q'], 'continue', 'E') })]);
const run = (handler: IncidentHandler<Inst>) =>
  migrate(raising, {}, { cohort: 'C', handlers: { steps: { S: failPermanently() }, incidents: { S: handler } } });
const incidentRows = { kinds: ['incident', 'resolved', 'unresolved', 'migrated', 'failed'] } as const;

describe('incident handlers', () => {
  it('resolveBy: a resolver, some time after the incident was raised', async () => {
    const handler = resolveBy('Q', '2h');
    const result = await run(handler);
    expect(timelineTable(result.timeline, incidentRows)).toBe(table`
      0s      incident      S: resolved by P or Q
      2h      resolved      S: by Q, then continue
      2h      migrated
    `);
    expect(handler.calls[0]?.resolvers).toEqual(['P', 'Q']);
  });

  it('resolveBy a party the action does not name leaves it unresolved', async () => {
    const result = await run(resolveBy('Nobody'));
    expect(timelineTable(result.timeline, { kinds: ['unresolved'] })).toBe('0s      unresolved    S: `Nobody` may not resolve it');
  });

  it('leaveUnresolved: the installation fails with the else code', async () => {
    const result = await run(leaveUnresolved());
    expect(result.outcome).toMatchObject({ status: 'failed', code: 'E', at: 0 });
    expect(timelineTable(result.timeline, { kinds: ['unresolved'] })).toBe('0s      unresolved    S: nobody resolved it');
  });

  it('are typed by the parties that may resolve', () => {
    const incidents: Handlers['incidents'] = { UpdateInventory: resolveBy('Inventory', '1h') };
    // @ts-expect-error: the Supplier is not among the incident's resolvers.
    const wrong: Handlers['incidents'] = { UpdateInventory: resolveBy('Supplier') };
    expect([incidents, wrong]).toHaveLength(2);
  });
});
