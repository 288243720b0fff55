// Real databases for tests: in-process PGlite, and a throw-away database on the run's PostgreSQL
// server (tests/support/postgres-server.ts: TEST_POSTGRES_URL, the local server, or a temporary
// one), dropped again when the test is done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/index.ts';
import { inMemory } from './memory-database.ts';
import { testPostgresUrl } from './postgres-server.ts';

export const POSTGRES_ADMIN_URL = testPostgresUrl();

export interface TestDatabase {
  name: 'pglite' | 'postgresql';
  open(): Promise<Database & { url: string | null }>;
}

export const pglite: TestDatabase = {
  name: 'pglite',
  async open() {
    const database = await openDatabase(inMemory());
    return Object.assign(database, { url: null });
  },
};

export const postgresql: TestDatabase = {
  name: 'postgresql',
  async open() {
    const url = await createScratchDatabase();
    const database = await openDatabase({ kind: 'postgresql', url });
    const close = database.close;
    return Object.assign(database, {
      url,
      close: async () => {
        await close();
        await dropScratchDatabase(url);
      },
    });
  },
};

export const bothDatabases = [pglite, postgresql] as const;

export async function createScratchDatabase(): Promise<string> {
  const name = `lederrum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
