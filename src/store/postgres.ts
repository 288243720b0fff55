// A PostgreSQL server through pg's pool and @prisma/adapter-pg (DATABASE_URL).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { ScriptRunner } from './migrate.ts';
import { redact, unreachable, type OpenedDatabase } from './database.ts';
import { prismaClient } from './prisma-client.ts';
import { statementNames } from './statement-names.ts';

export async function openPostgres(url: string): Promise<OpenedDatabase> {
  const location = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw unreachable(location, cause);
  }
  const prisma = prismaClient(new PrismaPg(pool, { statementNameGenerator: statementNames() }));
  const runner: ScriptRunner = {
    ...scriptsOn(pool),
    // Replicas starting together must not apply the same migration twice.
    withLock: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(72707369)');
        const locked: ScriptRunner = { ...scriptsOn(client), withLock: (inner) => inner(locked) };
        return await work(locked);
      } finally {
        await client.query('SELECT pg_advisory_unlock(72707369)').catch(() => undefined);
        client.release();
      }
    },
  };
  return {
    runner,
    handle: {
      prisma,
      kind: 'postgresql',
      location: `PostgreSQL at ${location}`,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    },
  };
}

/** exec/query on a pg pool or a single pg client (one connection: needed for BEGIN…COMMIT). */
function scriptsOn(db: pg.Pool | pg.PoolClient): Omit<ScriptRunner, 'withLock'> {
  return {
    exec: async (sql) => {
      await db.query(sql);
    },
    query: async (sql, params) => (await db.query(sql, params)).rows,
  };
}
