// Once per test run: a migrated, empty PGlite data directory in a temporary file, which every
// in-memory test database starts from (tests/support/memory-database.ts) instead of running
// initdb and the migrations again. Its path travels to the workers in the environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteTemplate } from '../../src/store/database.ts';
import { TEMPLATE_VARIABLE } from './memory-database.ts';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'lederrum-pglite-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await (await pgliteTemplate()).arrayBuffer()));
  process.env[TEMPLATE_VARIABLE] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
