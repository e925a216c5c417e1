/**
 * A campaign thread of the bench: the command line's shard server
 * (cli/campaign-worker.ts) over the bench policy, which is an object here
 * rather than a policy script.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveShard } from '../../cli/campaign-worker.js';
import type { ShardSetup } from '../../runtime/index.js';
import { campaignPolicy } from './campaign-policy.js';

serveShard(() => campaignPolicy, (workerData as { setup: ShardSetup }).setup, parentPort!);
