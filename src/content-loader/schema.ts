// Schemas for the content files under content/ (ARCHITECTURE rule 9: content is data).
// Three kinds: prompt themes (content/prompts/*.yaml), guided tools (content/tools/*.yaml)
// and the maturity model (content/maturity.yaml). Every user-visible string is bilingual.
import { z } from 'zod';

/** Danish and English side by side; both must say something. */
export const Bilingual = z.strictObject({
  da: z.string().regex(/\S/, 'Danish text is empty'),
  en: z.string().regex(/\S/, 'English text is empty'),
});
export type Bilingual = z.infer<typeof Bilingual>;

/** Bilingual text with a length cap in each language. */
const shortBilingual = (max: number) =>
  z.strictObject({
    da: z.string().regex(/\S/, 'Danish text is empty').max(max),
    en: z.string().regex(/\S/, 'English text is empty').max(max),
  });

export const KebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');

/** A range of lines in a seed report: "003:298-314" (file prefix 000-004, 1-based, from ≤ to). */
export const SeedRange = z
  .string()
  .regex(/^00[0-4]:\d+-\d+$/, 'must look like "003:298-314"')
  .refine((s) => {
    const r = parseSeedRange(s);
    return r.from >= 1 && r.from <= r.to;
  }, 'line range must start at 1 or later and run forwards');

export interface SeedLines {
  file: string;
  from: number;
  to: number;
}

export function parseSeedRange(range: string): SeedLines {
  const [file = '', lines = ''] = range.split(':');
  const [from = NaN, to = NaN] = lines.split('-').map(Number);
  return { file, from, to };
}

/** True when every range in `inner` lies inside one of the ranges in `outer`. */
export function withinRanges(inner: readonly string[], outer: readonly string[]): boolean {
  const within = outer.map(parseSeedRange);
  return inner.map(parseSeedRange).every((r) => within.some((o) => o.file === r.file && o.from <= r.from && r.to <= o.to));
}

const Sources = z.array(SeedRange).min(1);

function uniqueIds(ctx: z.RefinementCtx, items: ReadonlyArray<{ id: string }>, path: string) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}"`, path: [path, i, 'id'] });
    seen.add(item.id);
  });
}

// — Prompt themes —

export const THEME_IDS = ['restitution', 'problem-solving', 'boundaries', 'good-life'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

export const Prompt = z.strictObject({
  id: KebabId,
  prompt: shortBilingual(300),
  followUps: z.array(Bilingual).min(1).max(3),
  sources: Sources,
});
export type Prompt = z.infer<typeof Prompt>;

export const PromptTheme = z
  .strictObject({
    theme: z.enum(THEME_IDS),
    title: Bilingual,
    /** Asked in the "Siden sidst" round when a facilitator gives a check-in this theme. */
    roundQuestion: Bilingual,
    sources: Sources,
    prompts: z.array(Prompt).min(4).max(6),
  })
  .superRefine((theme, ctx) => {
    uniqueIds(ctx, theme.prompts, 'prompts');
    theme.prompts.forEach((p, i) => {
      if (!withinRanges(p.sources, theme.sources)) {
        ctx.addIssue({ code: 'custom', message: "a prompt's sources must lie inside the theme's sources", path: ['prompts', i, 'sources'] });
      }
    });
  });
export type PromptTheme = z.infer<typeof PromptTheme>;

// — Guided tools —

const stepBase = {
  id: KebabId,
  prompt: Bilingual,
  hint: Bilingual.optional(),
  next: KebabId.optional(),
};

export const ChoiceOption = z.strictObject({ value: KebabId, label: Bilingual });

export const ToolStep = z.discriminatedUnion('kind', [
  z.strictObject({
    ...stepBase,
    kind: z.literal('text'),
    /** A text answer that must be a date (YYYY-MM-DD), such as a follow-up date. */
    format: z.literal('date').optional(),
  }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('choice'),
    options: z
      .array(ChoiceOption)
      .min(2)
      .max(6)
      .refine((opts) => new Set(opts.map((o) => o.value)).size === opts.length, 'option values must be unique'),
  }),
  /** The answer is the text of an agreement (with oneself, or the group's). */
  z.strictObject({ ...stepBase, kind: z.literal('agreement') }),
]);
export type ToolStep = z.infer<typeof ToolStep>;

export const TOOLS = [
  { id: 'own-wellbeing', number: 1, audience: 'member' },
  { id: 'group-wellbeing', number: 2, audience: 'facilitator' },
  { id: 'organisation', number: 3, audience: 'hr' },
] as const;

export const GuidedTool = z
  .strictObject({
    id: z.enum(['own-wellbeing', 'group-wellbeing', 'organisation']),
    number: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    audience: z.enum(['member', 'facilitator', 'hr']),
    title: Bilingual,
    intro: Bilingual,
    sources: Sources,
    steps: z.array(ToolStep).min(4).max(8),
    outcome: z.enum(['agreement', 'plan', 'note']),
  })
  .superRefine((tool, ctx) => {
    const known = TOOLS.find((t) => t.id === tool.id);
    if (known && (known.number !== tool.number || known.audience !== tool.audience)) {
      ctx.addIssue({
        code: 'custom',
        message: `tool "${tool.id}" is number ${known.number} for audience "${known.audience}"`,
        path: ['number'],
      });
    }
    uniqueIds(ctx, tool.steps, 'steps');
    const ids = new Set(tool.steps.map((s) => s.id));
    tool.steps.forEach((step, i) => {
      if (step.next !== undefined && !ids.has(step.next)) {
        ctx.addIssue({ code: 'custom', message: `next refers to unknown step "${step.next}"`, path: ['steps', i, 'next'] });
      }
      if (step.next === step.id) {
        ctx.addIssue({ code: 'custom', message: 'a step cannot lead to itself', path: ['steps', i, 'next'] });
      }
    });
  });
export type GuidedTool = z.infer<typeof GuidedTool>;

// — Maturity model —

export const MaturityLevel = z.strictObject({
  level: z.number().int().min(1).max(6),
  name: Bilingual,
  description: Bilingual,
  /** One concrete step towards the level above; on level 6, how to keep it. */
  nextStep: Bilingual,
  sources: Sources,
});

export const MaturityStatement = z.strictObject({
  id: z.string().regex(/^l[1-6]-[a-z]$/, 'must look like "l1-a"'),
  level: z.number().int().min(1).max(6),
  /** A "true of us?" statement, answered yes or no. */
  text: Bilingual,
});

export const MaturityModel = z
  .strictObject({
    sources: Sources,
    levels: z.array(MaturityLevel).length(6),
    statements: z.array(MaturityStatement).length(12),
  })
  .superRefine((model, ctx) => {
    model.levels.forEach((l, i) => {
      if (l.level !== i + 1) ctx.addIssue({ code: 'custom', message: `expected level ${i + 1}`, path: ['levels', i, 'level'] });
      if (!withinRanges(l.sources, model.sources)) {
        ctx.addIssue({ code: 'custom', message: "a level's sources must lie inside the model's sources", path: ['levels', i, 'sources'] });
      }
    });
    uniqueIds(ctx, model.statements, 'statements');
    model.statements.forEach((s, i) => {
      if (!s.id.startsWith(`l${s.level}-`)) {
        ctx.addIssue({ code: 'custom', message: `id "${s.id}" does not match level ${s.level}`, path: ['statements', i, 'id'] });
      }
    });
    for (let level = 1; level <= 6; level++) {
      const count = model.statements.filter((s) => s.level === level).length;
      if (count !== 2) ctx.addIssue({ code: 'custom', message: `level ${level} has ${count} statements, expected 2`, path: ['statements'] });
    }
  });
export type MaturityModel = z.infer<typeof MaturityModel>;

export interface Content {
  themes: PromptTheme[];
  tools: GuidedTool[];
  maturity: MaturityModel;
}
