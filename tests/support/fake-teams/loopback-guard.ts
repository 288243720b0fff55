// Proof for tests that nothing leaves the machine: while installed, every TCP/TLS connection the
// process opens (node:http/https, node-fetch, undici's fetch all end in net.Socket#connect) is
// checked, and one to a non-loopback host is recorded and failed at once, before any DNS lookup,
// so a stray call to login.microsoftonline.com shows up in `blocked` instead of hanging.
import net from 'node:net';

export interface BlockedConnection {
  host: string;
  port: number | undefined;
}

export interface LoopbackGuard {
  readonly blocked: BlockedConnection[];
  restore(): void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '::ffff:127.0.0.1']);

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Where Socket#connect(...args) is headed; undefined for a Unix socket / pipe path. */
function targetOf(args: unknown[]): BlockedConnection | undefined {
  // net.connect() hands Socket#connect its already-normalized [options, callback] array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first && typeof first === 'object') {
    const options = first as { host?: string; port?: number | string; path?: string };
    if (options.path) return undefined;
    return { host: options.host ?? 'localhost', port: options.port === undefined ? undefined : Number(options.port) };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
  }
  return undefined;
}

export function guardLoopback(): LoopbackGuard {
  const original = net.Socket.prototype.connect;
  const blocked: BlockedConnection[] = [];
  const guarded = function (this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    if (target && !isLoopback(target.host)) {
      blocked.push(target);
      process.nextTick(() => this.destroy(new Error(`loopback guard: refused a connection to ${target.host}:${target.port ?? '?'}`)));
      return this;
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  net.Socket.prototype.connect = guarded as typeof original;
  return {
    blocked,
    restore() {
      net.Socket.prototype.connect = original;
    },
  };
}
