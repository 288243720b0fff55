// Prometheus metrics on /metrics (prom-client), in the app's own registry: several apps in one
// process (the tests) keep theirs apart. Labels are words from fixed lists — the platform, the
// kind of request, the delivery outcome, the queue's name — never a workspace's, person's or
// group's id, nor anything a member wrote: a scrape is safe to share, and the series stay few.
// Lags and depths are read when scraped (a cheap query, a getter), not kept up to date.
import { timingSafeEqual } from 'node:crypto';
import type { Express, Request } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AdapterMetrics } from '../../adapters/platform.ts';
import type { DeliveryOutcome } from '../delivery/worker.ts';

export interface Metrics extends AdapterMetrics {
  readonly registry: Registry;
  delivered(outcome: DeliveryOutcome): void;
  /** The age in ms of the oldest undelivered outbox message that is due, read at scrape time. */
  trackOutboxLag(read: () => Promise<number | null>): void;
  /** The age in ms of the oldest scheduled occurrence due and not yet claimed, read at scrape time. */
  trackSchedulerLag(read: () => Promise<number | null>): void;
}

/** A label value as a fixed-shape word; anything else (an id that slipped in) becomes "other". */
const WORD = /^[a-z][a-z0-9_]{0,39}$/i;
const word = (value: string) => (WORD.test(value) ? value : 'other');

/** Slack acks within 3 s, Teams within 15 s: buckets from fast to "too late" for both. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5, 10, 15];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lederrum_' });
  const latency = new Histogram({
    name: 'lederrum_request_duration_seconds',
    help: 'From a platform request arriving to its answer (the ack), by adapter and kind of request.',
    labelNames: ['adapter', 'kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'lederrum_outbox_deliveries_total',
    help: "Outbox delivery attempts by outcome: sent, retried (transient failure), unreachable (the person's own situation), refused, expired, unknown.",
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const lagGauge = (name: string, help: string) => {
    const reads: Array<() => Promise<number | null>> = [];
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        // The oldest across what was registered (one store in practice); nothing waiting is 0.
        const ages = await Promise.all(reads.map((read) => read().catch(() => null)));
        this.set(Math.max(0, ...ages.map((ms) => (ms ?? 0) / 1000)));
      },
    });
    return (read: () => Promise<number | null>) => void reads.push(read);
  };
  const queues = new Map<string, () => number>();
  new Gauge({
    name: 'lederrum_queue_depth',
    help: 'Work taken on after answering a request and not yet done, by queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [queue, depth] of queues) this.set({ queue }, depth());
    },
  });
  return {
    registry,
    observe: (platform, kind, seconds) => latency.observe({ adapter: platform, kind: word(kind) }, seconds),
    trackQueue: (name, depth) => void queues.set(word(name), depth),
    delivered: (outcome) => deliveries.inc({ outcome }),
    trackOutboxLag: lagGauge('lederrum_outbox_lag_seconds', 'Age of the oldest outbox message that is due and not yet delivered (0: none waits).'),
    trackSchedulerLag: lagGauge('lederrum_scheduler_lag_seconds', 'Age of the oldest scheduled occurrence that is due and not yet claimed (0: none waits).'),
  };
}

/**
 * Serves the registry on GET /metrics. With a token, only `Authorization: Bearer <token>` is
 * answered (401 otherwise): /metrics shares the public port Slack and Teams post to. Without one
 * it is open, as most scrapers expect on a private network; the README says which to pick.
 */
export function mountMetrics(http: Express, metrics: Metrics, token: string | null): void {
  http.get('/metrics', async (req, res) => {
    if (token !== null && !bearerMatches(req, token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').set('Cache-Control', 'no-store').json({ error: 'The metrics need METRICS_TOKEN as a bearer token.' });
      return;
    }
    const body = await metrics.registry.metrics();
    res.status(200).set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(body);
  });
}

function bearerMatches(req: Request, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
