// What a child process costs, read from Linux's /proc: resident memory, and CPU time (user +
// system, children excluded) so that CPU per request counts the server's work and nothing else.
import { readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux this runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/**
 * Waits until the process has gone idle (under 5% of a core for two half-seconds in a row), `capMs`
 * at most: its work after the ack is done, so it neither runs into the next measurement nor is
 * left out of the CPU it cost. True when it went idle within the cap.
 */
export async function untilIdle(pid: number, capMs = 20_000): Promise<boolean> {
  const until = Date.now() + capMs;
  let calm = 0;
  let last = cpuMs(pid);
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuMs(pid);
    calm = now - last < 25 ? calm + 1 : 0;
    last = now;
    if (calm >= 2) return true;
  }
  return false;
}
