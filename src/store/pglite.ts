// PGlite's engine as Lederrum runs it: settings sized for a bot, a script runner for the
// migrations, the in-memory template tests start from, and a first start whose initdb runs in a
// process of its own. No Prisma here: the first-start process loads only the engine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, type ScriptRunner } from './migrate.ts';

/**
 * PostgreSQL's defaults are sized for a server (128 MB of shared buffers). Inside PGlite they
 * are WebAssembly memory that grows and is never given back, for a bot whose whole database is a
 * few MB: 16 MB of buffers took a started app's PGlite from 295 to 164 MiB of RSS here. Written to
 * the data directory's postgresql.conf when it is opened.
 */
export const PGLITE_SETTINGS = ['shared_buffers = 16MB', 'temp_buffers = 2MB', 'maintenance_work_mem = 16MB', 'wal_buffers = 512kB'];

export function pgliteRunner(client: PGlite): ScriptRunner {
  const runner: ScriptRunner = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async (sql, params) => (await client.query<Record<string, unknown>>(sql, params)).rows,
    withLock: (work) => work(runner),
  };
  return runner;
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

/** Whether initdb has run in this folder (PostgreSQL writes PG_VERSION first thing). */
export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Runs initdb and the migrations for a new data directory in a child process. Done in the
 * serving process, they left about 350 MiB of WebAssembly and V8 garbage that was rarely given
 * back (issue 18); a process of its own takes all of it with it when it exits.
 */
export function initialiseInOwnProcess(dataDir: string, timeoutMs = 180_000): Promise<void> {
  // Compiled, this file is .js beside a .js entry; from the sources (tests, tsx) it is .ts and tsx loads it.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./pglite-first-start.${fromSources ? 'ts' : 'js'}`, import.meta.url));
  const args = [...(fromSources ? ['--import', 'tsx'] : []), entry, dataDir];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      const reason = errors.trim().split('\n').at(-1) || (signal ? `stopped by ${signal}` : `exit code ${code}`);
      reject(new Error(`preparing a new database failed: ${reason}`));
    });
  });
}
