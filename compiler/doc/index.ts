/**
 * Documents generated from a policy (`mpol doc`), and the plain document
 * model with its Markdown and HTML renderings that other reports (the
 * simulation's) use too.
 */
export { policyDocument } from './policy-document.js';
export { relativeTo } from '../relative-path.js';
export { assumptionsOf, isAssumptionsFile, type AssumedValue, type AssumptionNote, type Assumptions } from './assumptions.js';
export { DocumentBuilder, joinWords, plainText, slug, type Block, type Document, type Inline, type Text } from './document.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml, escapeHtml, type HtmlOptions } from './html.js';
export { sharedFlows, type SharedFlow } from './flows.js';
