// The report pages' one stylesheet, inline (the pages load nothing from anywhere): readable on a
// screen, each chart with its table beside it where there is room and below it where there is
// not, and on paper in black on white with no chart split across pages.
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: #ffffff; line-height: 1.45; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
.brand { margin: 0; color: var(--muted); font-size: 0.9rem; letter-spacing: 0.04em; text-transform: uppercase; }
h1 { margin: 4px 0 4px; font-size: 1.6rem; }
.subtitle { margin: 0 0 16px; color: var(--muted); }
section { padding: 8px 0 16px; border-bottom: 1px solid var(--line); }
h2 { font-size: 1.25rem; margin: 16px 0 8px; }
p { margin: 4px 0; max-width: 70ch; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-weight: bold; }
figure.chart { display: grid; grid-template-columns: minmax(0, 642px) minmax(220px, 1fr); gap: 16px 24px; align-items: start; margin: 16px 0; }
figure.chart .picture { max-width: 642px; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 640px; }
table.figures { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.figures caption { text-align: left; font-weight: bold; padding-bottom: 4px; caption-side: top; }
table.figures th, table.figures td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.figures thead th { background: var(--soft); }
table.figures td.number { text-align: right; font-variant-numeric: tabular-nums; }
footer { padding: 16px 24px 32px; color: var(--muted); font-size: 0.9rem; }
.refusal { max-width: 40rem; margin: 15vh auto; padding: 0 24px; }
@media (max-width: 900px) { figure.chart { grid-template-columns: minmax(0, 1fr); } }
@media print {
  @page { margin: 15mm; }
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  section { break-inside: auto; border-bottom: none; }
  h2 { break-after: avoid; }
  figure.chart { grid-template-columns: minmax(0, 1fr); break-inside: avoid; page-break-inside: avoid; }
  figure.chart .picture { border: none; max-width: 16cm; }
  table.figures thead th { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;
