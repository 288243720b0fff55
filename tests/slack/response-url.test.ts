// The response_url client: a JSON POST on kept-alive connections, read to its end, with a
// deadline; a refused, silent or odd address fails with an error, never a hang.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../../adapters/slack/response-url.ts';
import { respondEphemeral } from '../../adapters/slack/replies.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(handle: (request: IncomingMessage, body: string, reply: (status: number, text: string) => void) => void): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => handle(request, body, (status, text) => response.writeHead(status, { 'content-type': 'application/json' }).end(text)));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/actions/T1/1/abc`, connections: () => connections };
}

describe('postJson', () => {
  it('posts the body as UTF-8 JSON and resolves with the status, three posts on one kept-alive connection', async () => {
    const seen: Array<{ method: string; type: string; body: unknown }> = [];
    const { url, connections } = await listen((request, body, reply) => {
      seen.push({ method: request.method!, type: request.headers['content-type']!, body: JSON.parse(body) });
      reply(200, '{"ok":true}');
    });
    for (const text of ['én', 'to', 'tre 😀']) expect(await postJson(url, { text })).toBe(200);
    expect(seen.map((s) => s.body)).toEqual([{ text: 'én' }, { text: 'to' }, { text: 'tre 😀' }]);
    expect(seen.every((s) => s.method === 'POST' && s.type.startsWith('application/json'))).toBe(true);
    expect(connections()).toBe(1);
  });

  it("resolves with Slack's refusal status; respondEphemeral turns it into an error", async () => {
    const { url } = await listen((_request, _body, reply) => reply(404, '{"ok":false,"error":"expired_url"}'));
    expect(await postJson(url, { text: 'x' })).toBe(404);
    await expect(respondEphemeral(url, { text: 'x', blocks: [{ type: 'text', text: 'x' }] })).rejects.toThrow(/answered 404/);
  });

  it('gives up on an address that never answers, after its deadline', async () => {
    const { url } = await listen(() => undefined);
    const started = Date.now();
    await expect(postJson(url, { text: 'x' }, 300)).rejects.toThrow(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('fails at once on a refused connection and on an address that is not http(s)', async () => {
    const { url } = await listen((_request, _body, reply) => reply(200, '{}'));
    const port = new URL(url).port;
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(postJson(`http://127.0.0.1:${port}/x`, {})).rejects.toThrow(/ECONNREFUSED/);
    await expect(postJson('file:///etc/passwd', {})).rejects.toThrow(/not http\(s\)/);
  });
});
