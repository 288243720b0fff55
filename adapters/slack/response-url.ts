// Posts to a Slack response_url (an ephemeral reply to a command or button) through node's own
// http(s) client on kept-alive connections. Not fetch: its web streams cost about 0.5 ms more CPU
// per post than this on this machine (2,000 posts of a 3 kB reply to a local server, measured
// side by side), and every command and button press makes one (issue 18: CPU per request).
import http from 'node:http';
import https from 'node:https';

/** Idle connections close after this; Slack's own close theirs sooner. */
const IDLE_MS = 30_000;
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
} as const;

/** How long a response_url may take to answer before the post counts as failed. */
export const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** POSTs `body` as JSON; resolves with the status once the answer is read to its end. */
export function postJson(url: string, body: unknown, timeoutMs = RESPONSE_URL_TIMEOUT_MS): Promise<number> {
  const target = new URL(url);
  const scheme = target.protocol;
  if (scheme !== 'https:' && scheme !== 'http:') return Promise.reject(new Error(`response_url is not http(s): ${scheme}`));
  const client = scheme === 'https:' ? https : http;
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: 'POST', agent: AGENTS[scheme], timeout: timeoutMs, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length } },
      (response) => {
        // Read to the end: an unread answer keeps its connection from going back to the pool.
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    request.once('timeout', () => request.destroy(new Error(`response_url did not answer within ${timeoutMs} ms`)));
    request.once('error', reject);
    request.end(payload);
  });
}
