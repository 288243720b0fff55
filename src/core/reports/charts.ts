// Charts for report pages and chat images: pure functions from figures to a standalone SVG string
// and the same figures as a table. No DOM, no SDK; text measured for DejaVu Sans (svg.ts).
export type { Chart, ChartTable, DistributionInput, GridInput, Reference, StackedInput, TrendInput } from './model.ts';
export { trendChart } from './trend.ts';
export { distributionChart } from './distribution.ts';
export { stackedChart } from './stacked.ts';
export { gridChart } from './grid.ts';
export { escapeMarkup } from './svg.ts';
