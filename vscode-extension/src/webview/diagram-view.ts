/**
 * The flow diagram webview's script: draws the flowcharts the extension
 * posts with the bundled Mermaid, one section per flow, and sets
 * `data-state` on the body (`drawn`, `empty` or `failed`) when it is done.
 */
import type { FlowDiagramsResult } from '../protocol';

interface Mermaid {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

declare const mermaid: Mermaid;
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

type Message = { kind: 'flows'; file: string; result: FlowDiagramsResult } | { kind: 'error'; message: string };

const vscode = acquireVsCodeApi();
const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });

const status = document.getElementById('status')!;
const flows = document.getElementById('flows')!;
let drawing = Promise.resolve();
let renders = 0;

window.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data;
  drawing = drawing.then(() => (message.kind === 'flows' ? draw(message.file, message.result) : fail(message.message)));
});
vscode.postMessage({ kind: 'ready' });

async function draw(file: string, result: FlowDiagramsResult): Promise<void> {
  const sections: HTMLElement[] = [];
  try {
    for (const policy of result.policies) {
      for (const flow of policy.flows) {
        const section = document.createElement('section');
        const heading = document.createElement('h2');
        heading.textContent = result.policies.length > 1 ? `${policy.name}: ${flow.populations.join(', ')}` : flow.populations.join(', ');
        const figure = document.createElement('div');
        figure.className = 'diagram';
        figure.innerHTML = (await mermaid.render(`flow${++renders}`, flow.mermaid)).svg;
        section.append(heading, figure);
        sections.push(section);
      }
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return;
  }
  flows.replaceChildren(...sections);
  const policies = result.policies;
  if (policies.length === 0) {
    status.textContent = `${file} belongs to no policy: no file that declares \`policy\` imports it.`;
    document.body.dataset['state'] = 'empty';
    return;
  }
  const errors = policies.reduce((sum, policy) => sum + policy.errors, 0);
  const names = policies.map((policy) => `${policy.name} (${policy.title})`).join(', ');
  status.textContent = errors > 0 ? `${names}: the policy has ${errors} error${errors === 1 ? '' : 's'}, so the flow may be incomplete.` : `What runs for each cohort and group of ${names}. Thick arrows are the success path; thin ones lead from a failure to where it ends; dotted ones are deadlines.`;
  status.className = errors > 0 ? 'warning' : 'note';
  document.body.dataset['state'] = 'drawn';
}

function fail(message: string): void {
  status.textContent = `The flow could not be drawn: ${message}`;
  status.className = 'warning';
  document.body.dataset['state'] = 'failed';
}
