// A loopback TCP proxy in front of a real server (the test PostgreSQL), so a test can take the
// server away and bring it back without stopping it: pause() cuts every open connection and
// then refuses new ones ('refuse': each is reset at once) or holds them unanswered ('hold', as a
// network that drops packets; they are passed on at resume()); resume() passes traffic again.
//
//   const proxy = await startTcpProxy({ port: 5432 });
//   const url = proxy.rewrite('postgresql://postgres@127.0.0.1:5432/db');  // now via the proxy
//   proxy.pause(); …; proxy.resume(); …; await proxy.close();
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type PauseMode = 'refuse' | 'hold';

export interface TcpProxy {
  /** The proxy's own port on 127.0.0.1. */
  readonly port: number;
  /** Connections passed on to the target since the start (held ones count once passed). */
  readonly connections: number;
  readonly paused: boolean;
  /** The URL with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  /** Cuts every open connection (both sides reset) and refuses or holds new ones until resume(). */
  pause(mode?: PauseMode): void;
  /** Passes new connections again; held ones go through now. */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const host = target.host ?? '127.0.0.1';
  const open = new Set<Socket>();
  const held: Socket[] = [];
  let mode: PauseMode | null = null;
  let passed = 0;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset or a refused upstream is expected here; never an unhandled 'error'.
    socket.on('error', () => undefined);
  };

  const pass = (client: Socket) => {
    if (client.destroyed) return;
    passed += 1;
    const upstream = createConnection({ host, port: target.port });
    track(upstream);
    const cut = () => {
      if (!client.destroyed) client.resetAndDestroy();
      if (!upstream.destroyed) upstream.resetAndDestroy();
    };
    upstream.once('close', cut);
    client.once('close', cut);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const server: Server = createServer((client) => {
    track(client);
    if (mode === 'refuse') client.resetAndDestroy();
    else if (mode === 'hold') held.push(client);
    else pass(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const cutAll = () => {
    for (const socket of [...open]) socket.resetAndDestroy();
    held.length = 0;
  };

  return {
    port,
    get connections() {
      return passed;
    },
    get paused() {
      return mode !== null;
    },
    rewrite(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    pause(how = 'refuse') {
      mode = how;
      cutAll();
    },
    resume() {
      mode = null;
      for (const client of held.splice(0)) pass(client);
    },
    async close() {
      mode = 'refuse';
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
