// What a failed send means for the outbox: permanent (the person left, blocked Lederrum, has no
// private chat with it; the platform refused this very message) — the message is settled as
// failed with that code; or transient (throttled, the platform or the network down) — it is
// tried again later, after Retry-After where the platform said so. The adapters already map
// platform errors to LederrumErrors at their edge; the cause chain still carries the status.
import { isLederrumError } from '../core/index.ts';

export type Verdict = { kind: 'permanent'; code: string } | { kind: 'transient'; code: string; retryAfterMs?: number };

/** Codes a person's own situation explains: they are logged as warnings, not errors. */
export const PERSONAL_CODES = new Set(['NOT_IN_CONVERSATION', 'NO_PRIVATE_ROUTE']);

const PERMANENT_CODES = new Set(['NOT_IN_CONVERSATION', 'NO_PRIVATE_ROUTE', 'MISSING_PERMISSION', 'NOT_FOUND', 'INVALID_INPUT']);

/** Slack platform answers that mean "try later", not "never". */
const SLACK_TRANSIENT = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
/** Slack answers that mean the person is no longer there to write to. */
const SLACK_GONE = new Set(['user_not_found', 'user_disabled', 'user_not_visible', 'account_inactive', 'cannot_dm_bot']);

export function classify(error: unknown): Verdict {
  if (isLederrumError(error) && PERMANENT_CODES.has(error.code)) return { kind: 'permanent', code: error.code };
  for (let cause: unknown = error, depth = 0; cause && depth < 6; cause = (cause as { cause?: unknown }).cause, depth++) {
    const verdict = platformVerdict(cause);
    if (verdict) return verdict;
  }
  // No status at all: a network failure or a timeout before any answer. Worth another try.
  return { kind: 'transient', code: 'NETWORK' };
}

function platformVerdict(error: unknown): Verdict | null {
  const e = error as { code?: unknown; statusCode?: number; status?: number; response?: { status?: number; headers?: unknown }; retryAfter?: number; data?: { error?: string } };
  // @slack/web-api: rate limited (the client gave up waiting), an HTTP error, a platform error, a request error.
  if (e.code === 'slack_webapi_rate_limited_error') return { kind: 'transient', code: 'RATE_LIMITED', ...(typeof e.retryAfter === 'number' ? { retryAfterMs: e.retryAfter * 1000 } : {}) };
  if (e.code === 'slack_webapi_request_error') return { kind: 'transient', code: 'NETWORK' };
  if (e.code === 'slack_webapi_platform_error') {
    const slack = e.data?.error ?? 'unknown';
    if (SLACK_GONE.has(slack)) return { kind: 'permanent', code: 'NOT_IN_CONVERSATION' };
    return SLACK_TRANSIENT.has(slack) ? { kind: 'transient', code: `SLACK_${slack.toUpperCase()}` } : { kind: 'permanent', code: `REFUSED_${slack.toUpperCase()}` };
  }
  const status = e.statusCode ?? e.status ?? e.response?.status;
  if (typeof status !== 'number') return null;
  if (status === 429) return { kind: 'transient', code: 'RATE_LIMITED', ...retryAfterOf(e) };
  if (status >= 500) return { kind: 'transient', code: `HTTP_${status}` };
  if (status >= 400) return { kind: 'permanent', code: `REFUSED_HTTP_${status}` };
  return null;
}

function retryAfterOf(error: { response?: { headers?: unknown } }): { retryAfterMs?: number } {
  const headers = error.response?.headers as { get?: (name: string) => string | null | undefined } | Record<string, string> | undefined;
  if (!headers) return {};
  const raw = typeof headers.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string>)['retry-after'];
  const seconds = raw === undefined || raw === null ? NaN : Number(raw);
  return Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {};
}
