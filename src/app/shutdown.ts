// Stopping without losing what was taken on. The HTTP server's requests are counted as they come
// and go; once stopping has begun, a request that still arrives (on a kept-alive connection) is
// turned away with 503 and "Connection: close", so a load balancer retries it on another replica.
// A live stream (the playground's feed) never ends by itself and is not waited for.
import type { Express, Response } from 'express';

export interface RequestGate {
  /** From now on, new requests get 503. */
  close(): void;
  /** Resolves true once no request is being answered, or false when `withinMs` ran out first. */
  idle(withinMs: number): Promise<boolean>;
}

const POLL_MS = 20;

/** Mounted first on the app, before any route. */
export function requestGate(http: Express): RequestGate {
  const answering = new Set<Response>();
  let closed = false;
  http.use((_req, res, next) => {
    if (closed) {
      res.status(503).set('Connection', 'close').set('Retry-After', '1').json({ error: 'Lederrum is stopping; try again.' });
      return;
    }
    answering.add(res);
    const done = () => answering.delete(res);
    res.once('finish', done);
    res.once('close', done);
    next();
  });
  const waitedFor = () => [...answering].filter((res) => !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')).length;
  return {
    close: () => {
      closed = true;
    },
    async idle(withinMs) {
      const deadline = Date.now() + withinMs;
      while (waitedFor() > 0) {
        if (Date.now() >= deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return true;
    },
  };
}

/** Counts down one grace period across the steps of stopping: each gets what the earlier ones left. */
export function deadline(ms: number): () => number {
  const until = Date.now() + ms;
  return () => Math.max(0, until - Date.now());
}

/** Resolves with the work's result, or with `fallback` once `ms` ran out. */
export async function within<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
