// What a chart is to its callers: the SVG and, always beside it, the same figures as a table, so a
// screen reader (and a printout) gets every number the picture shows, hidden ones as their reason.
import type { Language } from '../model/domain.ts';

/** The chart's figures as text for the reader's language; hidden cells hold the reason they are hidden. */
export interface ChartTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
  title: string;
  table: ChartTable;
}

/** A norm or threshold drawn across a trend, e.g. the Danish WHO-5 mean 68 or "below 50: a signal". */
export interface Reference {
  value: number;
  label: string;
}

export interface TrendInput {
  title: string;
  language: Language;
  min: number;
  max: number;
  unit?: string | undefined;
  /** Decimals of the values as written (1 unless given). */
  digits?: number | undefined;
  /** The table's first column, e.g. "Runde" / "Wave"; "When" unless given. */
  pointHead?: string | undefined;
  points: Array<{ label: string; value: number | null; hiddenReason?: string | undefined; marked?: boolean | undefined }>;
  norm?: Reference | undefined;
  threshold?: Reference | undefined;
  bands?: Array<{ from: number; to: number; label: string }> | undefined;
}

export interface DistributionInput {
  title: string;
  language: Language;
  /** The table's first column, e.g. "Gruppe" / "Group"; "Option" unless given. */
  labelHead?: string | undefined;
  bars: Array<{ label: string; count: number | null; share: number | null; hiddenReason?: string | undefined }>;
}

/** Columns over time, each split into the same series (answered / passed / absent; active / kept / …). */
export interface StackedInput {
  title: string;
  language: Language;
  pointHead?: string | undefined;
  /** `colour` where the meaning asks for one (absent in grey); the palette's next otherwise. */
  series: Array<{ label: string; colour?: string | undefined }>;
  columns: Array<{ label: string; values: number[] }>;
}

/** Counts on a grid of two small scales (expected effort × expected benefit). */
export interface GridInput {
  title: string;
  language: Language;
  x: { label: string; values: Array<{ value: number; label: string }> };
  y: { label: string; values: Array<{ value: number; label: string }> };
  cells: Array<{ x: number; y: number; count: number }>;
}
