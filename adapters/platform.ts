// The one shape every platform adapter has towards the composition root (ARCHITECTURE rule 2):
// src/app/app.ts mounts each on the HTTP server, routes the core's sends by platform, and starts
// and stops them in a loop, without knowing which platforms exist. A new platform is its folder
// and one line where the adapters are listed.
import type { Express } from 'express';
import type { Clock, Deliverer, Language, Lederrum, Logger, Platform } from '../src/core/index.ts';
import type { WorkQueue } from './work-queue.ts';

export interface PlatformAdapter {
  readonly platform: Platform;
  /** The core's sends: replies, channel posts, private messages. */
  readonly deliverer: Deliverer;
  /** The outbox worker's sends, where they differ: a rate limit comes back to the outbox instead of being waited out here. */
  readonly outboxDeliverer?: Deliverer;
  /** Once the HTTP server listens at `url`: connect (Socket Mode) and say where it is reached. */
  start(url: string): Promise<void>;
  /** Resolves once the work taken on after answering a request is done. */
  settled(): Promise<void>;
  /** Stops taking new work, before the HTTP server closes. */
  stop(): Promise<void>;
  /** After the HTTP server closed, before the database goes: finishes what was taken on, within `withinMs` where given. */
  drain(withinMs?: number): Promise<void>;
}

/**
 * What an adapter reports for /metrics (src/app/metrics.ts keeps the series). Labels are words
 * from the adapter's own fixed list, never an id of a workspace, person or group.
 */
export interface AdapterMetrics {
  /** A request answered: its kind, and the seconds from its arrival to the answer (the ack). */
  observe(platform: Platform, kind: string, seconds: number): void;
  /** Work waiting after the ack, read at each scrape (e.g. the turns still to run). */
  trackQueue(name: string, depth: () => number): void;
}

/** What the composition root gives every adapter: the server to mount on, the core and the app's shared parts. */
export interface PlatformContext {
  http: Express;
  core: Lederrum;
  clock: Clock;
  logger: Logger;
  defaultLanguage: Language;
  /** Where every adapter puts the work it takes on after answering a request: one bound for the process. */
  work: WorkQueue;
  metrics: AdapterMetrics;
}

/**
 * An adapter as the composition root lists it, already given its own configuration and ports:
 * its platform, and how to mount it. The adapter's code, and its SDK, load only when it is
 * mounted, so a platform that is not configured costs nothing.
 */
export interface PlatformEntry {
  mount(context: PlatformContext): Promise<PlatformAdapter>;
}
