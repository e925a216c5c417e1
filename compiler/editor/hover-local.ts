/**
 * What a hover says about the names a policy declares that its one
 * namespace does not hold: the policy's own name (kind, title and
 * version) and a retry strategy's tiers (the tier's schedule and its
 * strategy). They are found in the file's tree, so a file is enough.
 */
import type { SourceFile, Span } from '../../grammar/index.js';
import { escapeMarkdown, tierLine } from './hover.js';
import { retryOf } from './timeline.js';

/** The hover of the policy name or tier name at `offset` of the file `path`, with the name's span. */
export function describeLocalName(path: string, tree: SourceFile, offset: number): { span: Span; markdown: string } | undefined {
  const holds = (span: Span): boolean => span.start <= offset && offset <= span.end;
  for (const item of tree.items) {
    if (item.kind === 'Policy' && item.name.kind === 'Ident' && holds(item.name)) {
      const title = item.title.kind === 'String' ? ` — ${escapeMarkdown(item.title.value)}` : '';
      const version = item.version.kind === 'String' ? [`- version \`${escapeMarkdown(item.version.value)}\``] : [];
      return { span: { start: item.name.start, end: item.name.end }, markdown: [`**policy** \`${item.name.name}\`${title}`, ...version].join('\n\n') };
    }
    if (item.kind !== 'Retry' || !holds(item)) continue;
    for (const tier of item.items) {
      if (tier.kind !== 'Tier' || tier.name.kind !== 'Ident' || !holds(tier.name)) continue;
      const strategy = item.name.kind === 'Ident' ? ` of retry strategy \`${item.name.name}\`` : '';
      const computed = retryOf(path, item).tiers.find((candidate) => candidate.name === (tier.name.kind === 'Ident' ? tier.name.name : undefined));
      const schedule = computed === undefined ? [] : [`- ${tierLine(computed)}`];
      return { span: { start: tier.name.start, end: tier.name.end }, markdown: [`**retry tier** \`${tier.name.name}\`${strategy}`, ...schedule].join('\n\n') };
    }
  }
  return undefined;
}
