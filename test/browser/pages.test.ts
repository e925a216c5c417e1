// Generated pages open in headless Chromium as a reader would open them:
// every diagram is drawn as SVG with its labels, nothing is requested,
// nothing logs an error; the page reads on a phone and prints. And every
// diagram mpol generates parses with Mermaid's own parser.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantiatePolicy, flowDiagram, policyDocument, populationsOf, renderHtml, retryDiagram, type Block } from '../../compiler/index.js';
import { simulate } from '../../runtime/index.js';
import { simulationReport } from '../../cli/report/simulation-report.js';
import { timelineChart } from '../../cli/report/timeline-chart.js';
import { runCli, tempFolder } from '../cli/run-cli.js';
import { compileFiles, compileFolder, repo } from '../diagrams/policies.js';
import { diagramsDrawn, launchBrowser, withPage, type Browser, type PageGlobals } from './browser.js';
import { expectedLabels } from './diagram-labels.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const mermaid = { source: readFileSync(path.join(repo, 'dist/vendor/mermaid.min.js'), 'utf8'), notice: 'mermaid' };
const bundled = ['policies/example', 'policies/mehrs/v2.0', 'policies/mehrs/v2.1'];

/** The text of every drawn diagram on the page, in order, or `null` where a diagram was not drawn as SVG. */
async function drawnTexts(page: import('playwright-core').Page): Promise<(string | null)[]> {
  return page.$$eval('pre.mermaid', (pres) => pres.map((pre) => (pre.querySelector(':scope > svg') === null ? null : pre.querySelector('svg')!.textContent!.replace(/\s+/g, ' '))));
}

function diagramsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'diagram' ? [block.source] : []));
}

describe('Mermaid parses every diagram mpol generates', () => {
  it('every flow and retry timeline of the bundled policies, and every chart of a simulation report', async () => {
    const diagrams = bundled.flatMap((folder) => {
      const { model } = compileFolder(folder);
      return [...populationsOf(model).map((population) => flowDiagram(model, population)), ...[...model.retries.values()].map(retryDiagram)];
    });
    // The simulation report's charts and sampled timelines, of every outcome the samples hold.
    const compiled = compileFolder('policies/mehrs/v2.1');
    const faults: unknown = JSON.parse(readFileSync(path.join(repo, 'policies/mehrs/v2.1/faults.json'), 'utf8'));
    const result = await simulate(instantiatePolicy(compiled), { faults, cohorts: { IOC: 2000, 'MOC_Secure/DA': 2000 }, seed: 3 });
    diagrams.push(...diagramsOf(simulationReport({ result, summary: { policy: instantiatePolicy(compiled), faultsFile: null } }).blocks));
    diagrams.push(...result.samples.map((sample) => timelineChart(sample.timeline)));
    const file = path.join(tempFolder(), 'parse.html');
    writeFileSync(file, renderHtml({ title: 'parse', blocks: [] }, { mermaid }));
    const url = pathToFileURL(file).href;
    await withPage(browser, 'parse', url, async (page, log) => {
      const problems = await page.evaluate(async (texts) => {
        const { mermaid } = globalThis as unknown as PageGlobals;
        const found: string[] = [];
        for (const text of texts) await mermaid.parse(text).catch((error: Error) => found.push(`${error.message}\n${text}`));
        return found;
      }, diagrams);
      expect(problems).toEqual([]);
      expect(log.errors).toEqual([]);
    });
    expect(diagrams.length).toBeGreaterThan(12);
  }, 60_000);
});

describe('mpol doc --format html', () => {
  it('MEHRS v2.1: every diagram drawn with its labels, no request, no error; fits a phone; prints', async () => {
    const folder = tempFolder();
    const run = runCli(['doc', path.join(repo, 'policies/mehrs/v2.1'), '--out', path.join(folder, 'mehrs.html')], repo);
    expect(run.status).toBe(0);
    const expected = diagramsOf(policyDocument(compileFolder('policies/mehrs/v2.1')).blocks).map(expectedLabels);
    const url = pathToFileURL(path.join(folder, 'mehrs.html')).href;
    await withPage(browser, 'mehrs-v2.1-doc', url, async (page, log) => {
      expect(await diagramsDrawn(page)).toBe('drawn');
      const drawn = await drawnTexts(page);
      expect(drawn).toHaveLength(expected.length);
      drawn.forEach((text, index) => {
        expect(text, `diagram ${index + 1} is not an SVG`).not.toBeNull();
        for (const label of expected[index]!) expect(text, `diagram ${index + 1}`).toContain(label);
      });
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      // Wide diagrams and tables scroll inside themselves; the page itself does not scroll sideways.
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
  }, 90_000);

  it('a policy with hostile titles and strings: text stays text, in the page and in the diagrams', async () => {
    const hostile = '</pre><script>alert(1)</script><img src=x onerror=alert(2)> ${x} #quot; `x` %% ]; click';
    const policy = compileFiles(
      new Map([
        [
          'p.mpol',
          `policy P version "1" "${hostile.replace(/"/g, '\\"')}"
section "1" "${hostile.replace(/"/g, '\\"')}"
party A "a"
report R "r" to A
error E "${hostile.replace(/"/g, '\\"')}" ref "1" { report R }
cohort C "c"
installation { name: text }
migration { check E ref "1" requires installation.name != "${hostile.replace(/"/g, '\\"')}" }`,
        ],
      ]),
    );
    const document = policyDocument(policy);
    const file = path.join(tempFolder(), 'hostile.html');
    writeFileSync(file, renderHtml(document, { mermaid }));
    await withPage(browser, 'hostile-doc', pathToFileURL(file).href, async (page, log) => {
      expect(await diagramsDrawn(page)).toBe('drawn');
      expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(2);
      expect(await page.$$eval('img', (images) => images.length)).toBe(0);
      expect(await page.textContent('h1')).toBe(`P 1: ${hostile}`);
      const [flow] = await drawnTexts(page);
      expect(flow).toContain(`installation.name != "${hostile}"`);
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);
    });
  }, 60_000);
});

describe('mpol simulate --format html', () => {
  it('every chart and sampled timeline drawn with its labels, no request, no error; fits a phone', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'simulation.html');
    const args = ['simulate', 'policies/mehrs/v2.1', '--cohort', 'IOC=3000', '--cohort', 'MOC_Secure/DA=3000', '--seed', '11'];
    const run = runCli([...args, '--out', file], repo);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(': the report, to open in a browser\n');
    // The page's diagrams, read back from its own sources before the browser replaces them.
    const sources = [...readFileSync(file, 'utf8').matchAll(/<pre class="mermaid">\n([^]*?)<\/pre>/g)].map((match) => unescapeHtml(match[1]!));
    expect(sources.length).toBeGreaterThanOrEqual(4);
    await withPage(browser, 'simulation-report', pathToFileURL(file).href, async (page, log) => {
      expect(await diagramsDrawn(page)).toBe('drawn');
      const drawn = await drawnTexts(page);
      expect(drawn).toHaveLength(sources.length);
      drawn.forEach((text, index) => {
        expect(text, `chart ${index + 1} is not an SVG`).not.toBeNull();
        for (const label of expectedLabels(sources[index]!)) expect(text, `chart ${index + 1}`).toContain(label);
      });
      expect(await page.textContent('body')).toContain('Default fault model for MEHRS v2.1');
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }, 90_000);
});

describe('mpol simulate --campaign --format html', () => {
  it('the burn-up and the capacity chart drawn with their labels, no request, no error; fits a phone', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'campaign.html');
    const run = runCli(['simulate', 'policies/mehrs/v2.1', '--campaign', '--cohort', 'IOC=60000', '--cohort', 'MOC_Secure/DA=40000', '--out', file], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^MEHRS 2\.1 campaign, seed 0: 100,000 installations\n/);
    expect(run.stdout).toContain(': the report, to open in a browser\n');
    const sources = [...readFileSync(file, 'utf8').matchAll(/<pre class="mermaid">\n([^]*?)<\/pre>/g)].map((match) => unescapeHtml(match[1]!));
    expect(sources).toHaveLength(2);
    await withPage(browser, 'campaign-report', pathToFileURL(file).href, async (page, log) => {
      expect(await diagramsDrawn(page)).toBe('drawn');
      const drawn = await drawnTexts(page);
      expect(drawn).toHaveLength(2);
      drawn.forEach((text, index) => {
        expect(text, `chart ${index + 1} is not an SVG`).not.toBeNull();
        for (const label of expectedLabels(sources[index]!)) expect(text, `chart ${index + 1}`).toContain(label);
      });
      const body = await page.textContent('body');
      expect(body).toContain('Every installation has an outcome after');
      expect(body).toContain('Default fault model for MEHRS v2.1');
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }, 90_000);
});

describe('mpol simulate --compare --format html', () => {
  it('both burn-ups drawn as lines with their labels, the tables, no request, no error; fits a phone', async () => {
    const file = path.join(tempFolder(), 'compared.html');
    const faults = JSON.parse(readFileSync(path.join(repo, 'policies/mehrs/v2.1/faults.json'), 'utf8')) as { campaign: { capacity: { daily: number } } };
    faults.campaign.capacity.daily = 5000;
    const slower = path.join(tempFolder(), 'slower.json');
    writeFileSync(slower, JSON.stringify(faults));
    const run = runCli(['simulate', 'policies/mehrs/v2.1', '--compare', slower, '--cohort', 'IOC=30000', '--out', file], repo);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const sources = [...readFileSync(file, 'utf8').matchAll(/<pre class="mermaid">\n([^]*?)<\/pre>/g)].map((match) => unescapeHtml(match[1]!));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.match(/^ {2}line \[/gm)).toHaveLength(2);
    await withPage(browser, 'campaign-comparison', pathToFileURL(file).href, async (page, log) => {
      expect(await diagramsDrawn(page)).toBe('drawn');
      const [drawn] = await drawnTexts(page);
      expect(drawn).not.toBeNull();
      for (const label of expectedLabels(sources[0]!)) expect(drawn).toContain(label);
      // Two lines, one per side, each in its side's colour.
      const strokes = await page.$$eval('pre.mermaid svg path', (paths) => paths.map((p) => p.getAttribute('stroke')).filter((stroke) => stroke === '#0550ae' || stroke === '#b3261e'));
      expect(strokes.sort()).toEqual(['#0550ae', '#b3261e']);
      const body = await page.textContent('body');
      expect(body).toContain('Figures side by side');
      expect(body).toContain('slower.json');
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }, 90_000);
});

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
