// The two databases every database-backed figure is taken on: PGlite in a fresh data directory
// of its own, and a scratch database on the local PostgreSQL; as the app's environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../../src/store/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../../support/databases.ts';

export type DatabaseKind = 'pglite' | 'postgresql';
export const DATABASES: readonly DatabaseKind[] = ['pglite', 'postgresql'];
/** BENCH_DATABASES=pglite or postgresql: one of them only (to profile one). */
export function benchDatabases(): readonly DatabaseKind[] {
  const only = process.env['BENCH_DATABASES']?.split(',');
  return only ? DATABASES.filter((d) => only.includes(d)) : DATABASES;
}
export const DATABASE_NAMES: Record<DatabaseKind, string> = { pglite: 'PGlite', postgresql: 'PostgreSQL' };

export interface AppDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function appDatabase(kind: DatabaseKind): Promise<AppDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
    return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = await createScratchDatabase();
  return { env: { DATABASE_URL: url }, drop: () => dropScratchDatabase(url) };
}

/** The database itself, in this process, for benchmarks of the store: PGlite in memory, or a scratch PostgreSQL database. */
export async function openBenchDatabase(kind: DatabaseKind): Promise<{ db: Database; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    return { db, drop: () => db.close() };
  }
  const url = await createScratchDatabase();
  const db = await openDatabase({ kind: 'postgresql', url });
  return {
    db,
    async drop() {
      await db.close();
      await dropScratchDatabase(url);
    },
  };
}
