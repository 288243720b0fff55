// Once per test run: the PostgreSQL server the tests use (tests/support/postgres-server.ts: the
// configured one, or a temporary one where nothing answers), and a migrated, empty PGlite data
// directory in a temporary file, which every in-memory test database starts from
// (tests/support/memory-database.ts) instead of running initdb and the migrations again. Both
// travel to the workers in the environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteTemplate } from '../../src/store/database.ts';
import { TEMPLATE_VARIABLE } from './memory-database.ts';
import { useTestPostgres } from './postgres-server.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const postgres = await useTestPostgres();
  console.log(postgres.describe);
  process.env['TEST_POSTGRES_URL'] = postgres.url;
  const dir = mkdtempSync(join(tmpdir(), 'lederrum-pglite-'));
  try {
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await (await pgliteTemplate()).arrayBuffer()));
    process.env[TEMPLATE_VARIABLE] = file;
  } catch (error) {
    await postgres.embedded?.stop();
    throw error;
  }
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await postgres.embedded?.stop();
  };
}
