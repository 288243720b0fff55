// The shape of the tool content as the core uses it. The files live in content/ and are
// validated by src/content (zod) before the core receives them (ARCHITECTURE rule 9).
import type { Language } from '../model/domain.ts';

export type Bilingual = Record<Language, string>;

export interface ThemePrompt {
  id: string;
  prompt: Bilingual;
  followUps: Bilingual[];
}

export interface PromptTheme {
  theme: string;
  title: Bilingual;
  roundQuestion: Bilingual;
  prompts: ThemePrompt[];
}

export type ToolStep =
  | { id: string; kind: 'text'; prompt: Bilingual; hint?: Bilingual | undefined; next?: string | undefined; format?: 'date' | undefined }
  | { id: string; kind: 'agreement'; prompt: Bilingual; hint?: Bilingual | undefined; next?: string | undefined }
  | { id: string; kind: 'choice'; prompt: Bilingual; hint?: Bilingual | undefined; options: Array<{ value: string; label: Bilingual }>; next?: string | undefined };

export interface GuidedTool {
  id: string;
  number: number;
  audience: 'member' | 'facilitator' | 'hr';
  title: Bilingual;
  intro: Bilingual;
  steps: ToolStep[];
  outcome: 'agreement' | 'plan' | 'note';
}

export interface MaturityModel {
  levels: Array<{ level: number; name: Bilingual; description: Bilingual; nextStep: Bilingual }>;
  statements: Array<{ id: string; level: number; text: Bilingual }>;
}

export interface ToolContent {
  themes: PromptTheme[];
  tools: GuidedTool[];
  maturity: MaturityModel;
}
