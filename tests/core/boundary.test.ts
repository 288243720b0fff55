// ARCHITECTURE rule 1: the core knows no SDK, no database driver, no scheduler and no
// environment. This test reads every source file under src/core and fails if one does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const coreDir = join(root, 'src', 'core');

const FORBIDDEN_PACKAGES: RegExp[] = [/^@slack\//, /^botbuilder/, /^@microsoft\//, /^@prisma\//, /^node-cron(\/|$)/, /^pg(\/|$)/, /^@electric-sql\//];

const SPECIFIER = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const ENV = /process\s*(?:\.\s*env\b|\[\s*['"`]env['"`]\s*\])/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|tsx|[cm]?js)$/.test(entry.name) ? [path] : [];
  });
}

function specifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
}

/** Every reason a core file breaks the boundary, as readable lines. */
function violations(file: string, source: string): string[] {
  const found: string[] = [];
  for (const spec of specifiers(source)) {
    if (FORBIDDEN_PACKAGES.some((pattern) => pattern.test(spec))) found.push(`imports ${spec}`);
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (target !== coreDir && !target.startsWith(coreDir + sep)) {
        found.push(`imports ${relative(root, target)} from outside src/core`);
      }
    }
  }
  if (ENV.test(source)) found.push('reads process.env');
  return found;
}

describe('the core boundary', () => {
  const files = sourceFiles(coreDir);

  it('scans the whole core, not an empty folder', () => {
    expect(files.length).toBeGreaterThan(10);
    const names = files.map((f) => relative(coreDir, f).split(sep).join('/'));
    expect(names).toEqual(expect.arrayContaining(['lederrum.ts', 'ports.ts', 'checkins/rules.ts', 'i18n/catalogue.ts']));
  });

  it('finds the imports of every file (the scanner is not blind)', () => {
    const total = files.reduce((sum, file) => sum + specifiers(readFileSync(file, 'utf8')).length, 0);
    expect(total).toBeGreaterThan(files.length);
  });

  it('has no platform SDK, Prisma, driver, scheduler, store or adapter import and no process.env', () => {
    const report = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')).map((v) => `${relative(root, file)}: ${v}`));
    expect(report).toEqual([]);
  });

  it('would catch each kind of breach', () => {
    const file = join(coreDir, 'checkins', 'example.ts');
    const bad: Array<[string, string]> = [
      [`import { App } from '@slack/bolt';`, '@slack/bolt'],
      [`import { TeamsActivityHandler } from 'botbuilder';`, 'botbuilder'],
      [`import type { X } from "@microsoft/teams-ai";`, '@microsoft/teams-ai'],
      [`import { PrismaClient } from '@prisma/client';`, '@prisma/client'],
      [`import cron from 'node-cron';`, 'node-cron'],
      [`import pg from 'pg';`, 'pg'],
      [`const { PGlite } = await import('@electric-sql/pglite');`, '@electric-sql/pglite'],
      [`import {\n  createStore,\n} from '../../store/index.ts';`, 'src/store/index.ts'],
      [`export * from '../../../adapters/slack/render.ts';`, 'adapters/slack/render.ts'],
    ];
    for (const [source, what] of bad) {
      expect(violations(file, source).join('\n')).toContain(what);
    }
    expect(violations(file, `const url = process.env.DATABASE_URL;`)).toEqual(['reads process.env']);
    expect(violations(file, `const url = process['env']['X'];`)).toEqual(['reads process.env']);
    // Ordinary core imports and a package whose name merely starts with "pg" pass.
    expect(violations(file, `import { x } from '../model/domain.ts';\nimport y from 'pgsomething';`)).toEqual([]);
  });
});
