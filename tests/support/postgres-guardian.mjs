// Keeps a throw-away PostgreSQL (tests/support/postgres-server.ts) tied to the test run that asked
// for it. It runs initdb and then postgres in the folder it is given, and watches its standard input:
// when that closes — the run's teardown, Ctrl-C, or the run killed outright — it stops the server
// and removes the folder. A separate process, because a killed test run gets no chance to clean up.
//
//   node postgres-guardian.mjs '<json: { folder, initdb: [file, ...args], postgres: [...], uid?, gid? }>'
//
// On a failure it writes the log's tail to standard error and exits non-zero; whether the server
// answers, the caller finds out by connecting.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const plan = JSON.parse(process.argv[2] ?? '{}');
const log = join(plan.folder, 'server.log');
const logFd = openSync(log, 'a');
// As root the server runs as an unprivileged user (PostgreSQL refuses root); the log stays ours.
const as = plan.uid === undefined ? {} : { uid: plan.uid, gid: plan.gid };
// English, stable messages whatever the machine's locale.
const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
let current = null; // initdb, then postgres
let leaving = false;

function run([file, ...args]) {
  return spawn(file, args, { ...as, env, stdio: ['ignore', logFd, logFd] });
}

function finish(code) {
  try {
    closeSync(logFd);
  } catch {}
  if (code !== 0 && !leaving) {
    let text = '';
    try {
      text = readFileSync(log, 'utf8');
    } catch {}
    process.stderr.write(text.split('\n').slice(-30).join('\n'));
  }
  rmSync(plan.folder, { recursive: true, force: true });
  process.exit(code);
}

function leave() {
  if (leaving) return;
  leaving = true;
  if (!current || current.exitCode !== null) return finish(0);
  // Fast shutdown; a server that has not gone in 10 s is killed (the folder goes either way).
  current.kill('SIGINT');
  setTimeout(() => current.kill('SIGKILL'), 10_000).unref();
}

// Only standard input ends this process: a Ctrl-C in the terminal is the run's to handle.
process.on('SIGINT', () => undefined);
process.stdin.on('end', leave);
process.stdin.on('error', leave);
process.stdin.on('close', leave);
process.stdin.resume();

current = run(plan.initdb);
current.on('error', () => finish(1));
current.on('exit', (code) => {
  if (code !== 0 || leaving) return finish(leaving ? 0 : 1);
  current = run(plan.postgres);
  current.on('error', () => finish(1));
  current.on('exit', (status) => finish(leaving ? 0 : status || 1));
});
