/**
 * `mpol diff`: a semantic comparison of two versions of a policy.
 */
export { diffPolicies, compareSections, type PolicyChange } from './diff.js';
export { describeChange, formatDiffJson, formatDiffMarkdown, formatDiffText } from './format.js';
