// The fake's HTTP side on one loopback port: /v3/… goes to the Bot Connector routes, the OpenID
// metadata, key sets and token endpoint go to the identity provider, and every request is logged
// (so tests can show what the bot fetched, and that it fetched it here).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleConnector, type ConnectorDeps, type Reply } from './connector.ts';
import type { FakeIdentityProvider } from './identity.ts';
import type { FakeRequest } from './types.ts';

export interface ServerDeps {
  connector: ConnectorDeps;
  identity: FakeIdentityProvider;
  requests: FakeRequest[];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...reply.headers });
  res.end(body);
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

async function route(deps: ServerDeps, req: IncomingMessage, url: URL): Promise<Reply> {
  const method = req.method ?? 'GET';
  const raw = await readBody(req);
  if (url.pathname.startsWith('/v3/')) {
    const parsed = parseJson(raw);
    if (!parsed.ok) return { status: 400, body: { error: { code: 'BadSyntax', message: 'The request body is not valid JSON.' } } };
    let segments: string[];
    try {
      segments = url.pathname.slice('/v3/'.length).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return { status: 400, body: { error: { code: 'BadArgument', message: 'Malformed path.' } } };
    }
    return handleConnector(deps.connector, {
      method,
      segments,
      query: url.searchParams,
      body: parsed.value,
      bytes: Buffer.byteLength(raw, 'utf8'),
      ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
    });
  }
  const identity = deps.identity;
  if (method === 'GET') {
    const document = identity.document(url.pathname, `${url.protocol}//${url.host}`);
    if (document) return { status: 200, body: document };
  }
  const token = /^\/([^/]+)\/oauth2\/(?:v2\.0\/)?token$/.exec(url.pathname);
  if (method === 'POST' && token?.[1]) {
    const answer = identity.token(decodeURIComponent(token[1]), new URLSearchParams(raw));
    return { status: answer.status, body: answer.body };
  }
  return { status: 404, body: { error: { code: 'NotFound', message: `The fake Teams has no ${method} ${url.pathname}` } } };
}

/** `deps` is read per request: the fake builds them once the port (and so its URLs) is known. */
export function createFakeTeamsServer(getDeps: () => ServerDeps): Server {
  return createServer((req, res) => {
    const deps = getDeps();
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const entry: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      status: 0,
      ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
      at: Date.now(),
    };
    deps.requests.push(entry);
    route(deps, req, url)
      .then((reply) => {
        entry.status = reply.status;
        send(res, reply);
      })
      .catch((error: unknown) => {
        entry.status = 500;
        send(res, { status: 500, body: { error: { code: 'FakeTeamsBug', message: String(error) } } });
      });
  });
}
