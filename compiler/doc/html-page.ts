/**
 * The style and the start-up script every generated HTML page shares.
 *
 * The script draws every `pre.mermaid` and then sets
 * `data-diagrams="drawn"` (or `"failed"`) on the root element, which is
 * what a reader's browser ignores and what tests wait for.
 */

export const pageStyle = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --code: #f6f8fa; --link: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.2rem; margin: 1.8rem 0 .5rem; }
h4 { font-size: 1.02rem; margin: 1.4rem 0 .3rem; }
p, ul { margin: .4rem 0 .8rem; }
ul { padding-left: 1.4rem; }
a { color: var(--link); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; background: var(--code); padding: .1em .3em; border-radius: 4px; overflow-wrap: anywhere; }
.table { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; font-size: .94rem; }
th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: var(--code); }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.diagram { margin: .8rem 0 1.4rem; overflow-x: auto; }
pre.mermaid { margin: 0; font-size: .75rem; color: var(--muted); white-space: pre; }
pre.mermaid svg { height: auto; }
nav.contents ul { list-style: none; padding-left: 0; }
nav.contents li.level3 { padding-left: 1.4rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.25rem; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  figure.diagram, tr { break-inside: avoid; }
  .table, figure.diagram { overflow: visible; }
}
`;

export const pageScript = `
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
mermaid.run({ querySelector: 'pre.mermaid' }).then(
  () => { document.documentElement.dataset.diagrams = 'drawn'; },
  (error) => { document.documentElement.dataset.diagrams = 'failed'; console.error(error); },
);
`;
