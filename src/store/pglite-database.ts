// Embedded PGlite as Lederrum's database: in a folder (DATA_DIR) or in memory (tests), behind
// Prisma through pglite-prisma-adapter. The folder is locked to one process.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The event loop's next round: what arrived meanwhile (a Slack request to ack) is read first.
import { setImmediate as nextRound } from 'node:timers/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { unreachable, type OpenedDatabase } from './database.ts';
import { initialiseInOwnProcess, isInitialised, PGLITE_SETTINGS, pgliteRunner } from './pglite.ts';
import { PreparedStatements } from './pglite-statements.ts';
import { prismaClient } from './prisma-client.ts';

export async function openPglite(dataDir: string | null, template?: Blob): Promise<OpenedDatabase> {
  const location = dataDir ?? 'memory://';
  let client: PGlite;
  let unlock = () => {};
  try {
    const settings = { postgresqlconf: PGLITE_SETTINGS };
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      unlock = lockDataDir(dataDir);
      if (!isInitialised(dataDir)) await initialiseInOwnProcess(dataDir);
      client = await PGlite.create(dataDir, settings);
    } else {
      client = await PGlite.create(template ? { loadDataDir: template, ...settings } : settings);
    }
  } catch (cause) {
    unlock();
    throw unreachable(location, cause);
  }
  const prisma = prismaClient(new PrismaPGlite(forPrisma(client)));
  return {
    runner: pgliteRunner(client),
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

/**
 * The PGlite Prisma talks to: its statements kept prepared (pglite-statements.ts), and each one
 * first letting the event loop take a round. PGlite runs a query synchronously in WebAssembly and
 * resolves it on the microtask queue, so a command's dozen queries would otherwise run as one
 * block of tens of milliseconds with no network read in between: every Slack ack arriving
 * meanwhile waited for all of it (issue 18, ack p99).
 */
export function forPrisma(client: PGlite, statements: StatementRunner = new PreparedStatements(client)): PGlite {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') {
        return async (...args: Parameters<PGlite['query']>) => {
          await nextRound();
          return statements.query(...args);
        };
      }
      if (property === 'transaction') {
        return (work: Parameters<PGlite['transaction']>[0]) => target.transaction((tx) => work(inTransaction(tx, statements)));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** How forPrisma runs a statement (the bench runs PGlite's own `query` through it, to compare). */
export type StatementRunner = Pick<PreparedStatements, 'query' | 'queryIn'>;

function inTransaction(tx: Transaction, statements: StatementRunner): Transaction {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'query') {
        return async (...args: Parameters<Transaction['query']>) => {
          await nextRound();
          return statements.queryIn(target, ...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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
