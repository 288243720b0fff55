// Opens the database: embedded PGlite in a folder when no DATABASE_URL is set, a PostgreSQL
// server through @prisma/adapter-pg otherwise. Both get the same schema and migrations. Each
// driver is imported only when chosen: a server deployment never loads PGlite's engine, and
// the playground never loads pg's pool (issue 18: the footprint).
import { LederrumError } from '../core/errors.ts';
import type { PrismaClient } from './generated/client.ts';
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
 * Prisma's options for both drivers. 'minimal' errors: any other format captures a stack trace
 * (`new Error()`) at every query, to point at the calling line in its error message. That was
 * the largest single cost in Prisma's share of a request's CPU (issue 18); our errors are mapped
 * to codes and logged without Prisma's message, so the pointer was never read.
 */
export const PRISMA_OPTIONS = { errorFormat: 'minimal' } as const;

/** A database opened by its driver, with the runner the migrations go through. */
export interface OpenedDatabase {
  handle: Database;
  runner: ScriptRunner;
}

export async function openDatabase(target: DatabaseTarget, options: { migrate?: boolean } = {}): Promise<Database> {
  const database = target.kind === 'pglite' ? await (await import('./pglite-database.ts')).openPglite(target.dataDir, target.template) : await (await import('./postgres.ts')).openPostgres(target.url);
  if (options.migrate !== false) await applyMigrations(database.runner);
  return database.handle;
}

/** An empty in-memory database with every migration applied, as a data directory to start others from. */
export async function pgliteTemplate(): Promise<Blob> {
  return (await import('./pglite.ts')).pgliteTemplate();
}

export function unreachable(location: string, cause: unknown): LederrumError {
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
