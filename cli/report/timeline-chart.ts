/**
 * One installation's timeline as a Mermaid gantt chart: a row per step
 * with a bar for each attempt (grey when it succeeded, blue when it failed
 * for now, red when it failed for good), the waits for artefacts and
 * incidents as bars of their own, undos, and the outcome as a diamond.
 * Time 0 is the installation's start, on the same calendar as the retry
 * timelines of the policy document.
 */
import { axisFormat, calendarTime, mermaidPlain } from '../../compiler/index.js';
import { formatTime, type TimelineEvent } from '../../runtime/index.js';

interface Task {
  readonly section: string;
  readonly name: string;
  readonly tag: '' | 'done, ' | 'active, ' | 'crit, ';
  readonly from: number;
  readonly to: number;
}

const endings: Readonly<Record<string, Task['tag']>> = { ok: 'done, ', transient: 'active, ', timeout: 'active, ', permanent: 'crit, ' };

export function timelineChart(events: readonly TimelineEvent[]): string {
  const tasks: Task[] = [];
  const open = new Map<string, { name: string; from: number; section: string }>();
  const start = (key: string, section: string, name: string, at: number) => open.set(key, { name, from: at, section });
  const end = (key: string, at: number, tag: Task['tag']) => {
    const begun = open.get(key);
    if (begun === undefined) return;
    open.delete(key);
    tasks.push({ section: begun.section, name: begun.name, tag, from: begun.from, to: at });
  };
  for (const event of events) {
    const step = event.step ?? '';
    switch (event.kind) {
      case 'attempt':
        start(`attempt ${step}`, step, `attempt ${event.attempt ?? ''}`.trim(), event.at);
        break;
      case 'ok':
      case 'transient':
      case 'timeout':
      case 'permanent':
        end(`attempt ${step}`, event.at, endings[event.kind]!);
        break;
      case 'await':
        start(`await ${step}`, step, `waits for ${event.detail ?? 'an artefact'}`, event.at);
        break;
      case 'arrival':
      case 'no-arrival':
        end(`await ${step}`, event.at, event.kind === 'arrival' ? '' : 'crit, ');
        break;
      case 'incident':
        start(`incident ${step}`, step, 'incident', event.at);
        break;
      case 'resolved':
      case 'unresolved':
        end(`incident ${step}`, event.at, event.kind === 'resolved' ? 'done, ' : 'crit, ');
        break;
      case 'undo':
        start(`undo ${step}`, 'rollback', `undo ${event.detail ?? step}`, event.at);
        break;
      case 'undone':
      case 'undo-failed':
        end(`undo ${step}`, event.at, event.kind === 'undone' ? 'done, ' : 'crit, ');
        break;
      case 'migrated':
      case 'failed':
      case 'rolled-back':
        tasks.push({ section: 'outcome', name: `${event.kind}${event.detail ? ` ${event.detail}` : ''} at ${formatTime(event.at)}`, tag: event.kind === 'migrated' ? 'done, ' : 'crit, ', from: event.at, to: event.at });
        break;
      default:
        break;
    }
  }
  const span = Math.max(1, ...tasks.map((task) => task.to));
  const lines = ['---', 'config:', '  gantt:', '    displayMode: compact', '    leftPadding: 170', '---', 'gantt', '  dateFormat YYYY-MM-DD HH:mm:ss.SSS', `  axisFormat ${axisFormat(span)}`, '  todayMarker off'];
  let section: string | undefined;
  for (const task of tasks) {
    if (task.section !== section) {
      section = task.section;
      lines.push(`  section ${mermaidPlain(section) || 'checks'}`);
    }
    // A task shorter than a 200th of the chart is drawn as a diamond, which stays visible.
    const milestone = task.to - task.from < span / 200;
    const shape = milestone ? 'milestone, ' : '';
    const to = milestone ? '0ms' : calendarTime(task.to);
    lines.push(`  ${mermaidPlain(task.name)} :${shape}${task.tag}${calendarTime(task.from)}, ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
