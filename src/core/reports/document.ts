// A report page as the core describes it: headings, short texts, key figures and charts (each with
// its table). The app renders it as HTML (src/app/reports/page.ts); the core never writes markup.
import type { Language } from '../model/domain.ts';
import type { Chart } from './model.ts';

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  /** Key figures, label and value, e.g. "Svarede: 12 af 15 (80 %)". */
  facts: Array<{ label: string; value: string }>;
  charts: Chart[];
}

export interface ReportDocument {
  language: Language;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  /** Lines under the report: what it holds and does not, when it was made, until when the link works. */
  footer: string[];
}

export const section = (heading: string, parts: Partial<Omit<ReportSection, 'heading'>> = {}): ReportSection => ({ heading, paragraphs: [], facts: [], charts: [], ...parts });
