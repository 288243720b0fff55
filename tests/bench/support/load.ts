// Fixed-rate load from a second process (support/sender.mjs), and what a run of it measured.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { percentile } from './stats.ts';

const SENDER = new URL('./sender.mjs', import.meta.url).pathname;

export interface PreparedRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  p50: number;
  p99: number;
  /** Answered, but after 3 s (Slack's limit) … */
  over3s: number;
  /** … and not answered within 10 s at all (or the connection failed). */
  unanswered: number;
  /** Answers that were not 2xx. */
  failed: number;
  sent: number;
  /** How far behind its plan the sender fell at worst: the load was only as fixed as this. */
  senderLagMs: number;
}

export async function sendAtRate(url: string, requests: PreparedRequest[], rate: number, timeoutMs = 10_000): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  try {
    const input = join(dir, 'requests.json');
    writeFileSync(input, JSON.stringify({ url, rate, timeoutMs, requests }));
    const { stdout } = await promisify(execFile)(process.execPath, [SENDER, input], { maxBuffer: 64 * 1024 * 1024 });
    const out = JSON.parse(stdout) as { latencies: number[]; statuses: Record<string, number>; unanswered: number; lateMs: number };
    const ok = Object.entries(out.statuses)
      .filter(([code]) => code.startsWith('2'))
      .reduce((sum, [, n]) => sum + n, 0);
    // A request never answered counts at the timeout in the percentiles: at least that slow.
    const all = [...out.latencies, ...Array.from({ length: out.unanswered }, () => timeoutMs)];
    return {
      p50: percentile(all, 0.5),
      p99: percentile(all, 0.99),
      over3s: out.latencies.filter((ms) => ms > 3000).length,
      unanswered: out.unanswered + (out.statuses['error'] ?? 0),
      failed: out.latencies.length - ok,
      sent: requests.length,
      senderLagMs: out.lateMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
