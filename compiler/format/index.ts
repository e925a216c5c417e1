/**
 * The formatter: one canonical layout for `.mpol` files
 * (`docs/formatting.md`), printed with Prettier's document builders.
 * `formatPolicy` and `formatRange` are for the language server and tests;
 * `plugin.ts` is the Prettier plugin, `mpol/prettier`, which `mpol fmt`
 * runs through Prettier.
 */
export { defaultFormatOptions, formatPolicy, printPolicyDoc, type FormatOptions, type FormatResult } from './format.js';
export { formatRange, type RangeFormatResult } from './range.js';
