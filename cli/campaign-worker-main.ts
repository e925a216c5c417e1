/**
 * The entry of `dist/mpol-campaign-worker.cjs`, the bundle a campaign's
 * helper threads run: only the runtime and the helper (campaign-worker.ts),
 * a twentieth of the command line's bundle, and CommonJS, which a worker
 * loads without starting the ES module loader, so a thread is making blocks
 * a few tens of milliseconds after it starts rather than after loading the
 * whole command line. Without this file beside it, `dist/mpol.js` starts
 * itself again as the helper (campaign-threads.ts).
 */
import { isCampaignWorker, runCampaignWorker } from './campaign-worker.js';

if (isCampaignWorker()) runCampaignWorker();
