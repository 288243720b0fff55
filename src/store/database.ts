// Opens the database: embedded PGlite in a folder when no DATABASE_URL is set, a PostgreSQL
// server through @prisma/adapter-pg otherwise. Both get the same schema and migrations.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { LederrumError } from '../core/errors.ts';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, type ScriptRunner } from './migrate.ts';

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgresql';
  /** Where it lives, with any password hidden: safe for logs. */
  location: string;
  close(): Promise<void>;
}

/**
 * `template` (in memory only): a migrated data directory from `pgliteTemplate()` to start from.
 * PGlite's initdb costs seconds of WebAssembly per database; tests open hundreds.
 */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null; template?: Blob } | { kind: 'postgresql'; url: string };

/**
 * PostgreSQL's defaults are sized for a server (128 MB of shared buffers). Inside PGlite they
 * are WebAssembly memory that grows and is never given back, for a bot whose whole database is a
 * few MB: 16 MB of buffers took a started app's PGlite from 295 to 164 MiB of RSS here. Written to
 * the data directory's postgresql.conf when it is opened.
 */
export const PGLITE_SETTINGS = ['shared_buffers = 16MB', 'temp_buffers = 2MB', 'maintenance_work_mem = 16MB', 'wal_buffers = 512kB'];

export async function openDatabase(target: DatabaseTarget, options: { migrate?: boolean } = {}): Promise<Database> {
  const database = target.kind === 'pglite' ? await openPglite(target.dataDir, target.template) : await openPostgres(target.url);
  if (options.migrate !== false) await applyMigrations(database.runner);
  return database.handle;
}

/** An empty in-memory database with every migration applied, as a data directory to start others from. */
export async function pgliteTemplate(): Promise<Blob> {
  const client = await PGlite.create();
  try {
    await applyMigrations(pgliteRunner(client));
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

function pgliteRunner(client: PGlite): ScriptRunner {
  const runner: ScriptRunner = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async (sql, params) => (await client.query<Record<string, unknown>>(sql, params)).rows,
    withLock: (work) => work(runner),
  };
  return runner;
}

async function openPglite(dataDir: string | null, template?: Blob): Promise<{ handle: Database; runner: ScriptRunner }> {
  const location = dataDir ?? 'memory://';
  let client: PGlite;
  let unlock = () => {};
  try {
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      unlock = lockDataDir(dataDir);
    }
    const settings = { postgresqlconf: PGLITE_SETTINGS };
    client = dataDir ? await PGlite.create(dataDir, settings) : await PGlite.create(template ? { loadDataDir: template, ...settings } : settings);
  } catch (cause) {
    unlock();
    throw unreachable(location, cause);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const runner = pgliteRunner(client);
  return {
    runner,
    handle: {
      prisma,
      kind: 'pglite',
      location: `PGlite at ${location}`,
      close: async () => {
        await prisma.$disconnect();
        await client.close();
        unlock();
      },
    },
  };
}

async function openPostgres(url: string): Promise<{ handle: Database; runner: ScriptRunner }> {
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
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
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

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file with the owner's pid keeps a second `npm start` out; a stale one (dead pid) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'lederrum.lock');
  try {
    const owner = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new Error(`the folder is in use by another Lederrum process (pid ${owner}); stop it or set DATA_DIR to another folder`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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

function unreachable(location: string, cause: unknown): LederrumError {
  // Node reports a host with several addresses as an AggregateError with an empty message.
  const reasons = cause instanceof AggregateError ? cause.errors : [cause];
  const reason = reasons.map((e) => (e instanceof Error ? e.message || e.name : String(e))).join('; ');
  return new LederrumError('DATABASE_UNREACHABLE', 'error.internal', {
    cause,
    detail: `Could not open the database at ${location}: ${reason}`,
  });
}

/** postgresql://user:secret@host/db → postgresql://user:***@host/db */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
