// Content is data (ARCHITECTURE rule 9; BRIEF points 4 and 5): the prompt themes, the three
// guided tools and the maturity model load and validate, every string has Danish and English,
// the tool flows are straight lines, every cited seed range exists, and no text labels a
// person as stressed. The seeds themselves are not in the repository; content/seed-lines.json
// (made by scripts/seed-index.mjs) records their line counts and hashes.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { CONTENT_DIR, loadContent } from '../../src/content-loader/load.ts';
import { parseSeedRange } from '../../src/content-loader/schema.ts';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const SEEDS = process.env.LEDERRUM_SEEDS ?? '/work/shared/seeds';

const yamlIn = (dir: string) =>
  readdirSync(join(CONTENT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);
const FILES = [...yamlIn('prompts'), ...yamlIn('tools'), 'maturity.yaml'];
const RAW = FILES.map((file) => {
  const text = readFileSync(join(CONTENT, file), 'utf8');
  return { file, text, data: parse(text) as unknown };
});

type Visit = (value: unknown, path: string, key: string) => void;
function walk(value: unknown, visit: Visit, path = '', key = ''): void {
  visit(value, path, key);
  if (Array.isArray(value))
    value.forEach((v, i) => {
      walk(v, visit, `${path}[${i}]`, key);
    });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, visit, path ? `${path}.${k}` : k, k);
  }
}

/** Every object that has a `da` or an `en` key, with where it sits. */
function bilingualTexts(): Array<{ where: string; text: Record<string, unknown> }> {
  const found: Array<{ where: string; text: Record<string, unknown> }> = [];
  for (const { file, data } of RAW) {
    walk(data, (value, path) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && ('da' in value || 'en' in value)) {
        found.push({ where: `${file}: ${path}`, text: value as Record<string, unknown> });
      }
    });
  }
  return found;
}

interface FlowStep {
  id: string;
  next?: string | undefined;
}

/** Follows `next` links from the first step; reports what the walk met. */
function followSteps(steps: readonly FlowStep[]) {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const order: string[] = [];
  let cycle = false;
  let step = steps[0];
  while (step) {
    if (order.includes(step.id)) {
      cycle = true;
      break;
    }
    order.push(step.id);
    step = step.next === undefined ? undefined : byId.get(step.next);
  }
  return {
    order,
    cycle,
    unreachable: steps.map((s) => s.id).filter((id) => !order.includes(id)),
    lastSteps: steps.filter((s) => s.next === undefined).map((s) => s.id),
  };
}

const SeedIndex = z.strictObject({
  files: z
    .record(
      z.string().regex(/^00[0-4]$/),
      z.strictObject({
        file: z.string().regex(/^00[0-4]_[^/]+\.txt$/),
        lines: z.number().int().positive(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .refine((files) => Object.keys(files).sort().join() === '000,001,002,003,004', 'must list seeds 000..004')
    .refine((files) => Object.entries(files).every(([prefix, f]) => f.file.startsWith(`${prefix}_`)), 'file names must start with their prefix'),
});
const seedIndexText = readFileSync(join(CONTENT, 'seed-lines.json'), 'utf8');

/** Lines as an editor numbers them: a last line without a newline still counts. */
const countLines = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

// The schema checks run in the first test; the other tests read the parsed YAML directly, so
// each can fail on its own even when a file no longer validates.
interface RawStep {
  id: string;
  kind?: string;
  format?: string;
  next?: string;
}
interface RawTool {
  id: string;
  number: number;
  outcome?: string;
  steps: RawStep[];
}
const rawOf = <T>(prefix: string) => RAW.filter((f) => f.file.startsWith(prefix)).map((f) => f.data as T);
const rawThemes = rawOf<{ theme: string; roundQuestion?: { da?: string; en?: string } }>('prompts/');
const rawTools = rawOf<RawTool>('tools/').sort((a, b) => a.number - b.number);
const rawMaturity = rawOf<{ statements?: Array<{ id: string; level: number }> }>('maturity.yaml')[0];

describe('content files', () => {
  it('all load and validate: 4 themes, 3 tools numbered 1-3, 6 maturity levels', () => {
    const content = loadContent();
    expect(CONTENT_DIR.replace(/\/$/, '')).toBe(CONTENT.replace(/\/$/, ''));
    expect(FILES).toHaveLength(8);
    expect(content.themes.map((t) => t.theme)).toEqual(['restitution', 'problem-solving', 'boundaries', 'good-life']);
    expect(content.tools.map((t) => [t.number, t.id, t.audience])).toEqual([
      [1, 'own-wellbeing', 'member'],
      [2, 'group-wellbeing', 'facilitator'],
      [3, 'organisation', 'hr'],
    ]);
    expect(content.maturity.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const theme of content.themes) {
      expect(theme.prompts.length, theme.theme).toBeGreaterThanOrEqual(4);
      expect(theme.prompts.length, theme.theme).toBeLessThanOrEqual(6);
    }
  });

  it('refuses broken files with an error naming each file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lederrum-content-'));
    try {
      cpSync(CONTENT, dir, { recursive: true });
      const tool = join(dir, 'tools/own-wellbeing.yaml');
      writeFileSync(tool, readFileSync(tool, 'utf8').replace('next: reflect', 'next: nowhere'));
      writeFileSync(join(dir, 'maturity.yaml'), 'levels: [');
      let message = '';
      try {
        loadContent(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/tools\/own-wellbeing\.yaml: steps\.0\.next: next refers to unknown step "nowhere"/);
      expect(message).toMatch(/maturity\.yaml: cannot read YAML/);
      rmSync(join(dir, 'prompts/good-life.yaml'));
      cpSync(join(CONTENT, 'tools'), join(dir, 'tools'), { recursive: true });
      cpSync(join(CONTENT, 'maturity.yaml'), join(dir, 'maturity.yaml'));
      expect(() => loadContent(dir)).toThrow(/prompts\/good-life\.yaml: missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has Danish and English for every bilingual text, both non-empty and different', () => {
    const texts = bilingualTexts();
    expect(texts.length).toBeGreaterThan(140);
    const offenders = texts.flatMap(({ where, text }) => {
      const problems: string[] = [];
      for (const lang of ['da', 'en']) {
        const value = text[lang];
        if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}.${lang} is missing or empty`);
      }
      const extra = Object.keys(text).filter((k) => k !== 'da' && k !== 'en');
      if (extra.length) problems.push(`${where} has other keys beside da/en: ${extra.join(', ')}`);
      if (typeof text.da === 'string' && typeof text.en === 'string' && text.da.trim().toLowerCase() === text.en.trim().toLowerCase()) {
        problems.push(`${where}: Danish and English are the same ("${text.da}")`);
      }
      return problems;
    });
    expect(offenders).toEqual([]);
  });

  it("words each theme's round question as one question that can follow 'Siden sidst'", () => {
    expect(rawThemes).toHaveLength(4);
    for (const theme of rawThemes) {
      for (const text of [theme.roundQuestion?.da, theme.roundQuestion?.en]) {
        expect(text, theme.theme).toMatch(/^[A-ZÆØÅ][^?!.]*\?$/);
      }
    }
  });

  it('never labels a person as stressed, in any file or language', () => {
    const label = /\b(?:stressed|stresset|stressede|stressramt\w*)\b/i;
    expect(label.test('Hun er stresset')).toBe(true);
    expect(label.test('Are you Stressed?')).toBe(true);
    expect(label.test('belastet, under load')).toBe(false);
    const offenders = RAW.flatMap(({ file, text }) => text.split('\n').flatMap((line, i) => (label.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });
});

describe('guided tools', () => {
  it('finds a cycle, a detached step and two endings when they are there', () => {
    expect(
      followSteps([
        { id: 'a', next: 'b' },
        { id: 'b', next: 'a' },
      ]).cycle,
    ).toBe(true);
    expect(followSteps([{ id: 'a' }, { id: 'b' }]).unreachable).toEqual(['b']);
    expect(followSteps([{ id: 'a' }, { id: 'b' }]).lastSteps).toEqual(['a', 'b']);
  });

  it.each(rawTools.map((t) => [t.id, t] as const))('%s: every step is reached from the first, one last step, no cycle', (_id, tool) => {
    const flow = followSteps(tool.steps);
    expect(flow.cycle).toBe(false);
    expect(flow.unreachable).toEqual([]);
    expect(flow.lastSteps).toHaveLength(1);
    expect(flow.order.at(-1)).toBe(flow.lastSteps[0]);
    // Straight line in file order, so the file reads like the flow.
    expect(flow.order).toEqual(tool.steps.map((s) => s.id));
  });

  it('ends tools 1 and 2 in agreements, with a date to follow up on in tool 2 and 3', () => {
    const [own, group, org] = rawTools;
    expect(own?.steps.some((s) => s.kind === 'agreement')).toBe(true);
    expect(group?.steps.some((s) => s.kind === 'agreement')).toBe(true);
    expect([own?.outcome, group?.outcome, org?.outcome]).toEqual(['agreement', 'agreement', 'plan']);
    for (const tool of [group, org]) {
      const last = tool?.steps.at(-1);
      expect([last?.kind, last?.format], tool?.id).toEqual(['text', 'date']);
    }
    expect(org?.steps.some((s) => s.kind === 'choice')).toBe(true);
  });
});

describe('maturity model', () => {
  it('has two yes/no statements for each level 1..6', () => {
    const statements = rawMaturity?.statements ?? [];
    const perLevel = [1, 2, 3, 4, 5, 6].map((level) => statements.filter((s) => s.level === level).length);
    expect(perLevel).toEqual([2, 2, 2, 2, 2, 2]);
    expect(statements.map((s) => s.level).every((level) => level >= 1 && level <= 6)).toBe(true);
    expect(new Set(statements.map((s) => s.id)).size).toBe(12);
  });
});

describe('seed citations', () => {
  it('the seed index matches the seeds when they are present, and is well-formed either way', () => {
    const index = SeedIndex.parse(JSON.parse(seedIndexText));
    if (existsSync(SEEDS)) {
      const present = readdirSync(SEEDS)
        .filter((f) => /^00[0-4]_.*\.txt$/.test(f))
        .sort();
      expect(present).toEqual(
        Object.values(index.files)
          .map((f) => f.file)
          .sort(),
      );
      for (const entry of Object.values(index.files)) {
        const bytes = readFileSync(join(SEEDS, entry.file));
        expect({ lines: countLines(bytes.toString('utf8')), sha256: createHash('sha256').update(bytes).digest('hex') }, entry.file).toEqual({
          lines: entry.lines,
          sha256: entry.sha256,
        });
      }
    } else {
      expect(Object.keys(index.files)).toHaveLength(5);
    }
  });

  it('every cited line range exists in its seed report', () => {
    const { files } = SeedIndex.parse(JSON.parse(seedIndexText));
    const cited: string[] = [];
    const offenders: string[] = [];
    for (const { file, data } of RAW) {
      walk(data, (value, path, key) => {
        if (key !== 'sources' || !Array.isArray(value)) return;
        for (const range of value) {
          cited.push(range);
          const { file: prefix, from, to } = parseSeedRange(String(range));
          const seed = files[prefix];
          if (!/^00[0-4]:\d+-\d+$/.test(String(range)) || !seed || !(from >= 1 && from <= to && to <= seed.lines)) {
            offenders.push(`${file}: ${path}: ${String(range)}${seed ? ` (seed has ${seed.lines} lines)` : ''}`);
          }
        }
      });
    }
    expect(cited.length).toBeGreaterThan(40);
    expect(offenders).toEqual([]);
  });
});
