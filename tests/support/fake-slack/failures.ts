// Programmable failures for the fake Slack: per method, consumed in the order they were queued,
// each answering `times` matching calls with a 429, a 5xx, or an `ok: false` error code, after
// holding the answer `hangMs` if told (a hang alone delays the call's normal answer).
import type { Failure } from './types.ts';

interface Pending {
  failure: Failure;
  remaining: number;
}

export interface FailureResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class FailureQueue {
  private readonly pending = new Map<string, Pending[]>();

  add(method: string, failure: Failure): void {
    const times = failure.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext(${method}): times must be a positive integer`);
    if (failure.status === undefined && failure.error === undefined && failure.hangMs === undefined) {
      throw new Error(`failNext(${method}): give a status (429/500/503), an error code or a hangMs`);
    }
    const list = this.pending.get(method) ?? [];
    list.push({ failure, remaining: times });
    this.pending.set(method, list);
  }

  /** The failure this call gets, if any; consumes one of its `times`. */
  take(method: string, args: Record<string, unknown>): Failure | undefined {
    const list = this.pending.get(method);
    if (!list) return undefined;
    const index = list.findIndex((p) => p.failure.when === undefined || p.failure.when(args));
    const entry = list[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) list.splice(index, 1);
    return entry.failure;
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The HTTP answer Slack gives for each kind of failure. */
export function failureResponse(failure: Failure): FailureResponse {
  if (failure.status === 429) {
    return {
      status: 429,
      headers: { 'content-type': JSON_TYPE, 'retry-after': String(failure.retryAfterSeconds ?? 1) },
      body: JSON.stringify({ ok: false, error: failure.error ?? 'ratelimited' }),
    };
  }
  if (failure.status === 500 || failure.status === 503) {
    const title = failure.status === 500 ? 'Internal Server Error' : 'Service Unavailable';
    return {
      status: failure.status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<html><head><title>${failure.status} ${title}</title></head><body><h1>${title}</h1></body></html>`,
    };
  }
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ ok: false, error: failure.error }) };
}
