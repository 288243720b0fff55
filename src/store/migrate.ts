// Applies the committed SQL migrations in prisma/migrations at start-up, in order, each in its
// own transaction, and records them in Prisma's own `_prisma_migrations` table so that
// `prisma migrate deploy` and this step agree on what has been applied.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';

export interface ScriptRunner {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Runs work while holding the database-wide migration lock (PostgreSQL advisory lock). */
  withLock<T>(work: (runner: ScriptRunner) => Promise<T>): Promise<T>;
}

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'prisma', 'migrations');

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Returns the names of the migrations it applied (empty when the database was up to date). */
export async function applyMigrations(runner: ScriptRunner, migrations = readMigrations()): Promise<string[]> {
  return runner.withLock(async (db) => {
    await db.exec(MIGRATIONS_TABLE);
    const rows = await db.query('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    const applied = new Map(rows.map((row) => [String(row['migration_name']), String(row['checksum'])]));
    const done: string[] = [];
    for (const migration of migrations) {
      const recorded = applied.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied (checksum differs). Add a new migration instead of editing an applied one.`);
        }
        continue;
      }
      await db.exec('BEGIN');
      try {
        await db.exec(migration.sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await db.exec('COMMIT');
      } catch (error) {
        await db.exec('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      done.push(migration.name);
    }
    return done;
  });
}
