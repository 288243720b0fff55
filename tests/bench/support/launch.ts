// Starts a server in a child process, as an operator would (`node dist/src/main.js`, or a bare
// SDK app beside it), and times start to ready from the spawn to the line the server prints once
// it serves. Each child gets its own free loopback port and is stopped by the bench, never left.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The compiled app with node's flags exactly as `npm start` runs it (`npm run build` makes it). */
export const APP = startArguments();

function startArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is expected to run node, not ${command}`);
  return args;
}
/**
 * The app's arguments with a CPU profile written to BENCH_CPU_PROF (a folder) when the bench is
 * run with it set: the .cpuprofile files open in Chrome's DevTools. Off by default (it costs CPU).
 */
export function profiled(args: string[]): string[] {
  const dir = process.env['BENCH_CPU_PROF'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...args] : args;
}
/** What the app's logger prints once startApp has finished (LOG_LEVEL info or debug). */
export const APP_READY = /Lederrum is running/;

export interface Server {
  pid: number;
  url: string;
  port: number;
  /** Spawn to the ready line. */
  readyMs: number;
  /** performance.now() when it became ready. */
  readyAt: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

const running = new Set<ChildProcess>();
// A bench that throws half-way must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Spawns `node <args>` with exactly `env` (plus PATH and HOME) and PORT, and waits for `ready` on stdout. */
export async function startServer(args: string[], env: Record<string, string>, ready: RegExp = APP_READY, timeoutMs = 120_000): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    // Only the tail is kept, for the message when it fails; the rest is read and dropped so the pipe never blocks.
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stderr!.on('data', keep);
  const readyAt = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    let seen = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (!seen && ready.test(output)) {
        seen = true;
        clearTimeout(timer);
        resolve(performance.now());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!seen) reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`));
    });
  });
  const exited = once(child, 'exit');
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}/`,
    readyMs: readyAt - started,
    readyAt,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      running.delete(child);
    },
  };
}
