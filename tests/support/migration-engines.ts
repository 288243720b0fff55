// Bare databases for migration tests, one per engine: in-process PGlite and a scratch database on
// the run's PostgreSQL, each with the ScriptRunner the start-up migration step uses. A test
// migrates one up to the migration it is about, writes the rows of an older version, then
// migrates the rest.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { ScriptRunner } from '../../src/store/migrate.ts';
import { createScratchDatabase, dropScratchDatabase } from './databases.ts';

export interface Engine {
  name: string;
  open(): Promise<{ runner: ScriptRunner; close(): Promise<void> }>;
}

export const engines: Engine[] = [
  {
    name: 'pglite',
    async open() {
      const db = await PGlite.create();
      const runner: ScriptRunner = {
        exec: async (sql) => void (await db.exec(sql)),
        query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows,
        withLock: (work) => work(runner),
      };
      return { runner, close: () => db.close() };
    },
  },
  {
    name: 'postgresql',
    async open() {
      const url = await createScratchDatabase();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const runner: ScriptRunner = {
        exec: async (sql) => void (await client.query(sql)),
        query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
        withLock: (work) => work(runner),
      };
      return {
        runner,
        close: async () => {
          await client.end();
          await dropScratchDatabase(url);
        },
      };
    },
  },
];
