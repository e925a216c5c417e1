/**
 * A campaign helper of the bench: the command line's helper
 * (cli/campaign-worker.ts) over the bench policy, which is an object here
 * rather than a policy script.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveHelper } from '../../cli/campaign-worker.js';
import type { HelperSetup } from '../../runtime/index.js';
import { campaignPolicy } from './campaign-policy.js';

serveHelper(() => campaignPolicy, (workerData as { setup: HelperSetup }).setup, parentPort!);
