// The fake Slack's HTTP side: Web API methods at /api/<method> (form or JSON bodies, Bearer or
// body tokens, JSON-encoded Block Kit fields), programmable failures, and response_url posts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Handler } from './context.ts';
import { failureResponse, type FailureQueue } from './failures.ts';
import type { SlackState } from './state.ts';
import type { Args, Failure, FakeSlackCall } from './types.ts';
import { isRecord } from './validate.ts';
import { receiveUpload } from './files.ts';
import type { RateLimiter } from './rate-limits.ts';

export interface ServerDeps {
  state: SlackState;
  handlers: Record<string, Handler>;
  failures: FailureQueue;
  calls: FakeSlackCall[];
  limits: RateLimiter;
  /** Every Web API call waits this long before it is answered (Slack's round trip); 0 by default. */
  latency: { ms: number };
}

/** Fields WebClient JSON-encodes into form bodies, decoded back to objects here. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata'];
const JSON_TYPE = 'application/json; charset=utf-8';

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** An upload URL from files.getUploadURLExternal: the bytes of one file. */
async function handleUpload(deps: ServerDeps, id: string, req: IncomingMessage, res: ServerResponse) {
  const answer = await receiveUpload(deps.state, id, req, await readBytes(req));
  send(res, answer.status, { 'content-type': 'text/plain' }, answer.body);
}

/** The call's arguments, or undefined when a JSON body does not parse (Slack's invalid_json). */
export function parseArgs(contentType: string, raw: string, query: URLSearchParams): Args | undefined {
  const args: Args = Object.fromEntries(query);
  if (contentType.startsWith('application/json')) {
    if (raw.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return undefined;
      }
      if (!isRecord(parsed)) return undefined;
      Object.assign(args, parsed);
    }
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw)));
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== 'string') continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      // left as the string it is; the method's validation answers for it
    }
  }
  return args;
}

function credentials(req: IncomingMessage, args: Args) {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  let basicAuth: { id: string; secret: string } | undefined;
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) basicAuth = { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  const token = bearer ?? (typeof args['token'] === 'string' && args['token'] !== '' ? args['token'] : undefined);
  return { token, basicAuth };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

async function handleApi(deps: ServerDeps, method: string, req: IncomingMessage, res: ServerResponse, url: URL, via: string | undefined) {
  const raw = await readBody(req);
  const args = parseArgs(req.headers['content-type'] ?? '', raw, url.searchParams);
  const { token, basicAuth } = credentials(req, args ?? {});
  const call: FakeSlackCall = { method, token, args: args ?? {}, status: 200, at: Date.now(), ...(via ? { via } : {}) };
  deps.calls.push(call);
  const programmed = deps.failures.take(method, call.args);
  const hold = deps.latency.ms + (programmed?.hangMs ?? 0);
  if (hold > 0) await sleep(hold);
  // A programmed refusal first; else the workspace's and channel's limits, when enforced.
  const failure = programmed && (programmed.status !== undefined || programmed.error !== undefined) ? programmed : rateLimited(deps, method, token, call);
  if (failure) {
    const answer = failureResponse(failure);
    call.status = answer.status;
    call.error = failure.error ?? (failure.status === 429 ? 'ratelimited' : `http_${failure.status}`);
    send(res, answer.status, answer.headers, answer.body);
    return;
  }
  const handler = deps.handlers[method];
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  const reply = !args ? { ok: false, error: 'invalid_json' } : handler ? handler({ state: deps.state, args, token, basicAuth, origin }) : { ok: false, error: 'unknown_method' };
  if (reply.ok === false && typeof reply['error'] === 'string') call.error = reply['error'];
  send(res, 200, { 'content-type': JSON_TYPE }, JSON.stringify(reply));
}

/** A 429 when Slack's limits are enforced and this call would exceed one. */
function rateLimited(deps: ServerDeps, method: string, token: string | undefined, call: FakeSlackCall): Failure | undefined {
  const team = token ? deps.state.teamByToken(token) : undefined;
  const channel = typeof call.args['channel'] === 'string' ? deps.state.conversationKey(call.args['channel']) : undefined;
  const refused = team ? deps.limits.check(method, team.id, channel, call.at) : null;
  return refused ? { status: 429, retryAfterSeconds: refused.retryAfterSeconds } : undefined;
}

async function handleResponseUrl(deps: ServerDeps, id: string, req: IncomingMessage, res: ServerResponse) {
  const raw = await readBody(req);
  if (!deps.state.responseUrlIds.has(id)) {
    send(res, 404, { 'content-type': 'text/plain' }, 'no_service');
    return;
  }
  let body: unknown;
  try {
    const type = req.headers['content-type'] ?? '';
    body = type.startsWith('application/x-www-form-urlencoded') ? JSON.parse(new URLSearchParams(raw).get('payload') ?? 'null') : JSON.parse(raw);
  } catch {
    send(res, 400, { 'content-type': 'text/plain' }, 'invalid_payload');
    return;
  }
  deps.state.responses.push({ id, body });
  // An in_channel response is for everyone in the channel; anything else only for the one who acted.
  const owner = deps.state.responseUrlIds.get(id);
  const reply = isRecord(body) ? body : {};
  const inChannel = reply['response_type'] === 'in_channel';
  deps.state.shown.push({
    kind: 'response',
    ...(owner && !inChannel ? { user: owner.userId } : {}),
    ...(owner ? { conversation: deps.state.conversationKey(owner.channel) } : {}),
    text: typeof reply['text'] === 'string' ? reply['text'] : '',
    ...(Array.isArray(reply['blocks']) ? { blocks: reply['blocks'] as unknown[] } : {}),
  });
  send(res, 200, { 'content-type': 'text/html' }, 'ok');
}

export function createFakeSlackServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // /via/<tag>/api/<method>: the same Web API, with the caller's tag kept on each call (which replica sent it).
    const api = /^(?:\/via\/([A-Za-z0-9_-]+))?\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    const response = /^\/response\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    const upload = /^\/upload\/v1\/([A-Za-z0-9]+)$/.exec(url.pathname);
    const work =
      api?.[2] && (req.method === 'POST' || req.method === 'GET')
        ? handleApi(deps, api[2], req, res, url, api[1])
        : response?.[1] && req.method === 'POST'
          ? handleResponseUrl(deps, response[1], req, res)
          : upload?.[1] && req.method === 'POST'
            ? handleUpload(deps, upload[1], req, res)
            : Promise.resolve(send(res, 404, { 'content-type': 'text/plain' }, 'not found'));
    work.catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, `fake Slack crashed: ${String(error)}`);
      else res.destroy();
    });
  });
}
