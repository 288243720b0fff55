// What Lederrum does not handle is acknowledged at once and logged at debug. Without this, Bolt
// leaves an interaction no listener takes (a modal closed, a shortcut, a select's options request,
// another app's view) unanswered for 3 s, then logs an error and answers 404, and Slack shows the
// person a failure. Events are acknowledged by Bolt itself; one Lederrum has no listener for only
// gets its debug line. Runs as Bolt's first global middleware, before any listener.
import type { AckFn, App } from '@slack/bolt';
import type { Logger } from '../../src/core/index.ts';
import { HANDLED_EVENTS } from './events.ts';
import { SLASH_COMMAND } from './parse.ts';
import { FORM_CALLBACK } from './render.ts';

interface Body {
  command?: unknown;
  type?: unknown;
  view?: { callback_id?: unknown };
  event?: { type?: unknown };
}

/** The payload's kind for the log, and whether a listener of Lederrum's takes it. */
export function payloadOf(body: unknown): { kind: string; handled: boolean } {
  const b = (body ?? {}) as Body;
  if (typeof b.command === 'string') return { kind: `command ${b.command}`, handled: b.command === SLASH_COMMAND };
  const type = typeof b.type === 'string' ? b.type : 'unknown';
  if (type === 'block_actions') return { kind: type, handled: true };
  if (type === 'view_submission') return { kind: type, handled: b.view?.callback_id === FORM_CALLBACK };
  if (type === 'event_callback') {
    const event = typeof b.event?.type === 'string' ? b.event.type : 'unknown';
    return { kind: `event ${event}`, handled: HANDLED_EVENTS.has(event) };
  }
  return { kind: type, handled: false };
}

export function acknowledgeUnhandled(app: App, logger: Logger): void {
  app.use(async (args) => {
    const { kind, handled } = payloadOf(args.body);
    if (handled) return args.next();
    const ack = (args as { ack?: AckFn<unknown> }).ack;
    if (ack) await ack();
    logger.debug('slack payload not handled by Lederrum, acknowledged', { kind });
  });
}
