// Requests INTO the app, signed exactly as Slack signs them (v0 HMAC-SHA256 over
// `v0:<timestamp>:<raw body>`), with knobs to forge the signature or age the timestamp.
import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export function signSlackRequest(secret: string, rawBody: string, timestampSeconds: number = Math.floor(Date.now() / 1000)): SlackSignatureHeaders {
  const timestamp = String(timestampSeconds);
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': timestamp };
}

export interface SignedResponse {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/**
 * POSTs a signed body: `json` as application/json (Events API), `form` as
 * application/x-www-form-urlencoded (slash commands; interactivity as `payload=<JSON>`).
 */
export async function postSigned(
  url: string,
  secret: string,
  body: { json?: unknown; form?: Record<string, string> },
  options: { timestampSeconds?: number; headers?: Record<string, string>; signature?: string } = {},
): Promise<SignedResponse> {
  if ((body.json === undefined) === (body.form === undefined)) throw new Error('postSigned: give exactly one of json or form');
  const raw = body.form !== undefined ? new URLSearchParams(body.form).toString() : JSON.stringify(body.json);
  const contentType = body.form !== undefined ? 'application/x-www-form-urlencoded' : 'application/json';
  const signed = signSlackRequest(secret, raw, options.timestampSeconds);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...signed,
      ...(options.signature !== undefined ? { 'x-slack-signature': options.signature } : {}),
      ...options.headers,
    },
    body: raw,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
