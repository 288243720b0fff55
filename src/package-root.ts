// Where Lederrum's files that are not code live (content/, prisma/migrations, the playground's
// page): found from this file by walking up to package.json, so the same path holds whether the
// code runs as TypeScript from src/ (tests, tsx) or compiled from dist/src/ (`npm start`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function rootFrom(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = rootFrom(dirname(fileURLToPath(import.meta.url)));
