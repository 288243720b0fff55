// Socket Mode on the fake Slack's HTTP server: a WebSocket at /socket (reached through the
// single-use ticket URL apps.connections.open hands out) that greets with `hello`, delivers
// envelopes and resolves with the app's ack, as SocketModeClient expects.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { SlackState } from './state.ts';

export interface SocketEnvelope {
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: unknown;
  acceptsResponsePayload?: boolean;
  retryAttempt?: number;
  retryReason?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

interface PendingAck {
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const ACK_TIMEOUT_MS = 5000;

function text(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export class FakeSocketMode {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, PendingAck>();

  constructor(server: Server, state: SlackState) {
    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const ticket = url.searchParams.get('ticket');
      if (url.pathname !== '/socket' || !ticket || !state.socketTickets.has(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      state.socketTickets.delete(ticket);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, state.appId));
    });
  }

  private accept(ws: WebSocket, appId: string): void {
    this.sockets.push(ws);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(text(data));
    });
    ws.on('close', () => {
      const index = this.sockets.indexOf(ws);
      if (index >= 0) this.sockets.splice(index, 1);
    });
    ws.on('error', () => ws.terminate());
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connected(),
        debug_info: { host: 'applink-fake-slack', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
  }

  private onMessage(raw: string): void {
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || !('envelope_id' in message)) return;
    const envelopeId = String(message.envelope_id);
    const waiting = this.pending.get(envelopeId);
    if (!waiting) return;
    this.pending.delete(envelopeId);
    clearTimeout(waiting.timer);
    const payload = 'payload' in message ? message.payload : undefined;
    waiting.resolve({ envelope_id: envelopeId, ...(payload !== undefined ? { payload } : {}) });
  }

  /** Open connections. */
  connected(): number {
    return this.sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  /** Delivers an envelope to the first open connection; resolves with the app's ack. */
  send(envelope: SocketEnvelope): Promise<SocketAck> {
    const ws = this.sockets.find((s) => s.readyState === WebSocket.OPEN);
    if (!ws) return Promise.reject(new Error('fake Slack: no Socket Mode connection is open'));
    const envelopeId = randomUUID();
    const message = {
      envelope_id: envelopeId,
      type: envelope.type,
      payload: envelope.payload,
      accepts_response_payload: envelope.acceptsResponsePayload ?? false,
      retry_attempt: envelope.retryAttempt ?? 0,
      retry_reason: envelope.retryReason ?? '',
    };
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`fake Slack: no ack for ${envelope.type} envelope ${envelopeId} within ${ACK_TIMEOUT_MS} ms`));
      }, ACK_TIMEOUT_MS);
      this.pending.set(envelopeId, { resolve, reject, timer });
      ws.send(JSON.stringify(message));
    });
  }

  /** Asks every client to go away, as Slack does before recycling a connection, and closes it. */
  disconnectAll(): void {
    for (const ws of [...this.sockets]) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-fake-slack' } }));
      ws.close(1001, 'refresh_requested');
    }
  }

  async close(): Promise<void> {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(`fake Slack closed before envelope ${id} was acked`));
    }
    this.pending.clear();
    for (const ws of this.sockets) ws.terminate();
    this.sockets.length = 0;
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
