// Reads and validates the content files (ARCHITECTURE rule 9). Synchronous: content is read
// once at start-up, and a bad file should stop the start with a message naming the file and
// the field. Every file is checked before throwing, so one run shows every problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { parse } from 'yaml';
import type { z } from 'zod';
import { GuidedTool, MaturityModel, PromptTheme, THEME_IDS, TOOLS, type Content } from './schema.ts';

export const CONTENT_DIR = join(PACKAGE_ROOT, 'content');

type Problems = string[];

export function readYaml<T>(dir: string, path: string, schema: z.ZodType<T>, problems: Problems): T | undefined {
  const name = relative(join(dir, '..'), path);
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${name}: cannot read YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${name}: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    }
    return undefined;
  }
  return result.data;
}

export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/** Loads every content file under `dir`; throws an Error naming each failing file and field. */
export function loadContent(dir: string = CONTENT_DIR): Content {
  const problems: Problems = [];
  const named = (path: string) => relative(join(dir, '..'), path);

  const themes: Content['themes'] = [];
  for (const path of yamlFiles(join(dir, 'prompts'))) {
    const theme = readYaml(dir, path, PromptTheme, problems);
    if (theme && theme.theme !== basename(path, '.yaml')) problems.push(`${named(path)}: theme: "${theme.theme}" does not match the file name`);
    else if (theme) themes.push(theme);
  }
  const tools: Content['tools'] = [];
  for (const path of yamlFiles(join(dir, 'tools'))) {
    const tool = readYaml(dir, path, GuidedTool, problems);
    if (tool && tool.id !== basename(path, '.yaml')) problems.push(`${named(path)}: id: "${tool.id}" does not match the file name`);
    else if (tool) tools.push(tool);
  }
  const maturityPath = join(dir, 'maturity.yaml');
  const maturity = existsSync(maturityPath) ? readYaml(dir, maturityPath, MaturityModel, problems) : undefined;

  const expected = [...THEME_IDS.map((id) => join(dir, 'prompts', `${id}.yaml`)), ...TOOLS.map(({ id }) => join(dir, 'tools', `${id}.yaml`)), maturityPath];
  for (const path of expected) if (!existsSync(path)) problems.push(`${named(path)}: missing`);
  if (problems.length > 0 || !maturity) throw new Error(`Content files are not valid:\n${problems.join('\n')}`);

  themes.sort((a, b) => THEME_IDS.indexOf(a.theme) - THEME_IDS.indexOf(b.theme));
  tools.sort((a, b) => a.number - b.number);
  return { themes, tools, maturity };
}
