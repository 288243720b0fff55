// A new PGlite data directory's initdb and migrations, run as a process of its own by
// initialiseInOwnProcess (pglite.ts) so their garbage leaves with it. Argument: the folder.
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations } from './migrate.ts';
import { PGLITE_SETTINGS, pgliteRunner } from './pglite.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: pglite-first-start <data directory>\n');
  process.exit(2);
}
try {
  const client = await PGlite.create(dataDir, { postgresqlconf: PGLITE_SETTINGS });
  await applyMigrations(pgliteRunner(client));
  await client.close();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
