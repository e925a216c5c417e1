// The mutation check of the Table 1 behaviour tests: each mutation alters
// the policy line that encodes one change of MEHRS v2.1, recompiles the
// emitted module the tests import, and runs test/policies; the test named
// for that change must then fail. Files are restored afterwards.
//
//   npm run check:table1
import { checkWorkspace, emitPolicy } from '../../dist/compiler/index.js';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
const dir = 'policies/mehrs/v2.1';
const golden = 'test/emit/golden/mehrs-v2.1.ts';
const host = { readFile: (p) => existsSync(p) ? { kind: 'text', text: readFileSync(p, 'utf8') } : { kind: 'missing' }, resolveImport: (f, s) => path.join(path.dirname(f), s) };
const mutations = [
  [1, 'flow.mpol', 'check MA002 requires installation.deviceRegistered', 'check MA002 requires installation.deviceRegistered and installation.epclListed'],
  [1, 'flow.mpol', 'stage Validation ref "2.3.2" by S1SP', 'stage Validation ref "2.3.2" by MCVF'],
  [2, 'flow.mpol', 'resolved by S1SP or DSP', 'resolved by S1SP'],
  [3, 'flow.mpol', 'then continue', 'then retry'],
  [3, 'flow.mpol', '  step GenerateCommissioningFile ref "2.6.7" by S1SP {\n    produces CommissioningFile\n    on failure fail MA122 ref "A.1"\n  }\n', ''],
  [4, 'assumptions.mpol', 'tier long: every 30m', 'tier long: every 2h'],
  [4, 'assumptions.mpol', 'within 48h', 'within 24h'],
  [5, 'flow.mpol', 'rollback then fail MA122 ref "A.1"', 'rollback then fail AS900 ref "A.1"'],
  [5, 'flow.mpol', '    on failure fail MA122 ref "A.1"\n  }\n\n  // A failed CHF', '  }\n\n  // A failed CHF'],
  [5, 'flow.mpol', '    produces CommissioningFile\n    on failure fail MA122 ref "A.1"\n', '    produces CommissioningFile\n'],
  [5, 'assumptions.mpol', '  report MRR6\n  resubmit after rollback\n}', '  report MRR6\n}'],
  [6, 'flow.mpol', '    check AS101\n      when cohort MOC_Secure\n      requires installation.secureDesignConfirmed\n', ''],
  [7, 'flow.mpol', '    check AS111 requires installation.installationChecksPassed\n', ''],
  [8, 'flow.mpol', '  step GenerateMcf ref "2.4.4" by S1SP {\n    produces MCF\n', '  step GenerateMcf ref "2.4.4" by S1SP {\n    produces MCF\n    produces MVF\n'],
  [8, 'flow.mpol', 'step ValidateMcf ref "2.4.5" by MCVF', 'step ValidateMcf ref "2.4.5" by S1SP'],
  [9, 'flow.mpol', '    check AS121 requires installation.smsoAccountActive\n', ''],
  [10, 'flow.mpol', 'within 24h after MVF', 'within 25h after MVF'],
  [10, 'flow.mpol', 'await RequiredFileSet within 24h after MVF else fail AS201', 'within 24h after MVF else fail AS201\n    await RequiredFileSet'],
  [11, 'flow.mpol', 'step GenerateMgf ref "2.5.4" by S1SP unless group DA', 'step GenerateMgf ref "2.5.4" by S1SP'],
  [12, 'flow.mpol', 'on failure rollback then fail AS257', 'on failure fail AS257'],
  [13, 'flow.mpol', 'step ApplyTmadClause523 ref "2.5.9" by S1SP unless group DA', 'step ApplyTmadClause523 ref "2.5.9" by S1SP'],
  [14, 'flow.mpol', 'stage CommissioningChecks ref "2.6.2" by S1SP unless group DA', 'stage CommissioningChecks ref "2.6.2" by S1SP'],
  [14, 'flow.mpol', 'check AS262 ref "2.6.2" requires installation.installationChecksPassed', 'check AS262 ref "2.6.2" requires installation.type != Dormant'],
  [15, 'flow.mpol', '    on failure rollback then fail AS264\n    commit\n', '    on failure rollback then fail AS264\n'],
  [15, 'flow.mpol', '    on failure rollback then fail AS264\n', '    on exhausted rollback then fail AS264\n'],
  [16, 'flow.mpol', 'step RecordRollbackPoint ref "2.6.5" by S1SP unless group DA', 'step RecordRollbackPoint ref "2.6.5" by S1SP'],
  [17, 'assumptions.mpol', 'every 1m factor 2 cap 15m', 'every 1m factor 2 cap 10m'],
];
const originalGolden = readFileSync(golden, 'utf8');
let survivors = 0;
for (const [change, file, from, to] of mutations) {
  const p = path.join(dir, file);
  const original = readFileSync(p, 'utf8');
  if (!original.includes(from)) { console.log(`change ${change}: pattern not found: ${from}`); survivors++; continue; }
  writeFileSync(p, original.replace(from, to));
  try {
    const r = checkWorkspace(readdirSync(dir).filter((f) => f.endsWith('.mpol')).map((f) => path.join(dir, f)), host);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) { console.log(`change ${change}: mutation does not compile: ${errors[0].code}`); survivors++; continue; }
    writeFileSync(golden, emitPolicy(r.policies[0]));
    let out;
    try { out = execFileSync('npx', ['vitest', 'run', 'test/policies', '--reporter=json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }); } catch (e) { out = e.stdout; }
    const json = JSON.parse(out.slice(out.indexOf('{')));
    const failed = json.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.title));
    const named = failed.some((t) => t.startsWith(`change ${change} `));
    if (!named) survivors++;
    console.log(`change ${change}: ${named ? 'FAILS as it should' : 'STILL PASSES'} (${from.trim().split('\n')[0].slice(0, 60)}) failed: [${failed.map((t) => t.split(' ')[1]).join(',')}]`);
  } finally {
    writeFileSync(p, original);
    writeFileSync(golden, originalGolden);
  }
}
console.log(survivors === 0 ? `every mutation fails its test (${mutations.length} mutations)` : `${survivors} of ${mutations.length} mutations were not caught`);
process.exitCode = survivors === 0 ? 0 : 1;
