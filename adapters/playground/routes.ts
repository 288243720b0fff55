// The playground's HTTP surface: the page, its JSON API and a live change feed. Each request
// goes verify → parse → core → render/send, the same four parts as every adapter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { errorForLog, withoutFacilitatorControls, type Clock, type Lederrum, type Logger, type Reply } from '../../src/core/index.ts';
import { chrome } from './chrome.ts';
import { actorOf, buttonEvent, buttonRequest, commandEvent, commandRequest, commandText, formEvent, formRequest, openedRequest, personRequest, placeOf } from './parse.ts';
import { escapeHtml, formToHtml, messageToHtml } from './render.ts';
import { showOnlyTo, type ChangeFeed } from './send.ts';
import { isInConversation, isPlaygroundHost, type PlaygroundGuard } from './verify.ts';
import { BOT, directConversationId, isDirect, type PlaygroundPerson, type PlaygroundWorkspace, type StoredMessage } from './workspace.ts';

const PAGE_DIR = join(PACKAGE_ROOT, 'adapters', 'playground', 'page');

export interface PlaygroundDeps {
  core: Lederrum;
  workspace: PlaygroundWorkspace;
  feed: ChangeFeed;
  guard: PlaygroundGuard;
  /** PUBLIC_URL: its host is answered besides the loopback names. */
  publicUrl: string | null;
  clock: Clock;
  logger: Logger;
}

type ReplyView =
  | { kind: 'none' }
  | { kind: 'message' }
  /** Shown to the person once, in the page only: the playground keeps no copy (a poll score). */
  | { kind: 'message'; keepNoCopy: true; html: string }
  | { kind: 'form'; html: string }
  | { kind: 'form_errors'; errors: Record<string, string> };

export function playgroundRouter(deps: PlaygroundDeps): Router {
  const { workspace, guard, feed } = deps;
  const router = express.Router();
  const page = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  // Every word of the page in both languages, inside the page itself: it can say "connection lost"
  // in its own language while the server is away.
  const words = escapeHtml(JSON.stringify(chrome));

  const onlyHere = playgroundHostOnly(deps.publicUrl);
  router.get('/', onlyHere, (_req, res) => {
    res.type('html').send(page.replace('__PLAYGROUND_TOKEN__', escapeHtml(guard.token)).replace('__PLAYGROUND_WORDS__', () => words));
  });
  router.use('/static', onlyHere, express.static(PAGE_DIR, { index: false, maxAge: 0 }));

  const api = express.Router();
  api.use(onlyHere);
  api.use((req, res, next) => {
    // EventSource cannot send headers, so the live feed alone takes the token in its query.
    const given = req.path === '/events' ? String(req.query['token'] ?? '') : req.get('x-playground-token');
    if (!guard.verify(given)) {
      // The token is made per process: after a restart an open page gets this and reloads itself.
      res.status(403).json({ error: 'This playground only answers its own page. Reload it.', code: 'stale_page' });
      return;
    }
    next();
  });
  api.use(express.json({ limit: '256kb' }));

  api.get('/workspace', async (req, res) => {
    const people = await workspace.people();
    const me = people.find((p) => p.externalId === req.query['as']) ?? people[0] ?? null;
    const language = me?.locale ?? 'da';
    // The page shows the facilitator's shortcuts only in the groups the person facilitates.
    const facilitated = me ? await deps.core.facilitates(actorOf(me)) : new Set<string>();
    res.json({
      people,
      me,
      channels: me ? (await workspace.channelsOf(me.externalId)).map((c) => ({ ...c, facilitator: facilitated.has(c.id) })) : [],
      direct: me ? { id: directConversationId(me.externalId), name: 'Lederrum' } : null,
      language,
    });
  });

  api.get('/conversations/:id/messages', async (req, res) => {
    const conversationId = req.params['id'] as string;
    const everyone = await workspace.people();
    const viewer = await actorIn(deps, everyone, String(req.query['as'] ?? ''), conversationId, res);
    if (!viewer) return;
    const people = new Map(everyone.map((p) => [p.externalId, p.displayName]));
    const messages = await workspace.messages(conversationId, viewer.externalId);
    // The page renders per viewer: a group's message for everyone shows the facilitator's buttons
    // to its facilitators only (one meant for the viewer alone was made for them).
    const facilitates = isDirect(conversationId) || (await deps.core.facilitates(actorOf(viewer))).has(conversationId);
    const asSeen = (m: StoredMessage) => (facilitates || m.visibleTo !== null ? m.message : withoutFacilitatorControls(m.message));
    res.json(
      messages.map((m) => ({
        id: m.id,
        threadOf: m.threadOf,
        onlyYou: m.visibleTo !== null,
        author: m.author === BOT ? 'Lederrum' : (people.get(m.author) ?? '?'),
        bot: m.author === BOT,
        html: messageToHtml(asSeen(m)),
        at: m.createdAt.toISOString(),
        edited: m.updatedAt.getTime() > m.createdAt.getTime() && m.author !== BOT,
      })),
    );
  });

  api.post(
    '/command',
    handler(deps, commandRequest, async (person, request) => {
      const text = commandText(request.conversationId, request.text);
      const message = { text: request.text, blocks: [{ type: 'text' as const, text: request.text }] };
      if (text === null || isDirect(request.conversationId)) {
        // Plain chat in a channel, or what the person wrote to the bot: it shows in the conversation.
        await workspace.append({ conversationId: request.conversationId, threadOf: null, visibleTo: null, author: person.externalId, message }, deps.clock.now());
        feed.publish(request.conversationId);
      }
      if (text === null) return { kind: 'none' };
      return deliverReply(deps, person, request.conversationId, await deps.core.handle(commandEvent(person, request.conversationId, text)));
    }),
  );

  api.post(
    '/button',
    handler(deps, buttonRequest, async (person, request) => deliverReply(deps, person, request.conversationId, await deps.core.handle(buttonEvent(person, request)))),
  );

  api.post(
    '/form',
    handler(deps, formRequest, async (person, request) => deliverReply(deps, person, request.conversationId, await deps.core.handle(formEvent(person, request)))),
  );

  // The page has shown the person their private chat with Lederrum: the first time, the welcome
  // appears in it (the core says it once per person, across reloads and tabs). A read of the
  // messages changes nothing; showing them is this event, as Slack's Messages tab is.
  api.post(
    '/opened',
    handler(deps, openedRequest, async (person, request) => {
      if (!isDirect(request.conversationId)) return { kind: 'none' };
      const reply = await deps.core.handle({ type: 'chat_opened', actor: actorOf(person), place: placeOf(request.conversationId) });
      if (reply.kind !== 'message') return { kind: 'none' };
      await workspace.append({ conversationId: request.conversationId, threadOf: null, visibleTo: null, author: BOT, message: reply.message }, deps.clock.now());
      feed.publish(request.conversationId);
      return { kind: 'message' };
    }),
  );

  api.post('/people', async (req, res) => {
    const parsed = personRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: describeIssues(parsed.error), code: 'bad_request' });
      return;
    }
    const { timeZone, ...rest } = parsed.data;
    res.json(await workspace.addPerson({ ...rest, timeZone: timeZone ?? null }));
  });

  api.delete('/people/:id', async (req, res) => {
    await workspace.removePerson(req.params['id'] as string);
    feed.publish('*');
    res.json({ ok: true });
  });

  api.get('/events', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    const unsubscribe = feed.subscribe((conversationId) => res.write(`data: ${JSON.stringify({ conversationId })}\n\n`));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  api.use((req, res) => {
    res.status(404).json({ error: `The playground has no ${req.method} /api${req.path}.`, code: 'not_found' });
  });

  // A body that is not JSON, or anything that throws, answers in JSON like every other
  // failure here: Express's default would send an HTML page with a stack trace.
  api.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: status === 413 ? 'The request is too large.' : 'The request body is not valid JSON.', code: 'bad_request' });
      return;
    }
    deps.logger.error('playground request failed', { path: req.path, ...errorForLog(error) });
    res.status(500).json({ error: chrome.failed.en, code: 'failed' });
  });

  router.use('/api', api);
  return router;
}

/** Parses the body, finds the acting person, and turns any failure into a clean JSON answer. */
function handler<S extends z.ZodType<{ as: string; conversationId: string }>>(deps: PlaygroundDeps, schema: S, work: (person: PlaygroundPerson, request: z.infer<S>) => Promise<ReplyView>) {
  return async (req: Request, res: Response) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: describeIssues(parsed.error), code: 'bad_request' });
      return;
    }
    const person = await actorIn(deps, await deps.workspace.people(), parsed.data.as, parsed.data.conversationId, res);
    if (!person) return;
    try {
      res.json(await work(person, parsed.data));
    } catch (error) {
      deps.logger.error('playground request failed', { path: req.path, ...errorForLog(error) });
      res.status(500).json({ error: chrome.failed[person.locale], code: 'failed' });
    }
  };
}

/**
 * The acting person, if they exist and are in the conversation; otherwise the refusal is sent and
 * the answer is null. A conversation that does not exist gets the same refusal as one they are
 * not in, so the answer does not tell which conversations there are.
 */
async function actorIn(deps: PlaygroundDeps, people: PlaygroundPerson[], as: string, conversationId: string, res: Response): Promise<PlaygroundPerson | null> {
  const person = people.find((p) => p.externalId === as);
  if (!person) {
    // Whoever is gone has no language any more: say it in both.
    res.status(404).json({ error: `${chrome.unknownPerson.da} ${chrome.unknownPerson.en}`, code: 'unknown_person' });
    return null;
  }
  if (!(await isInConversation(deps.workspace, person.externalId, conversationId))) {
    res.status(403).json({ error: chrome.notInConversation[person.locale], code: 'not_in_conversation' });
    return null;
  }
  return person;
}

/**
 * Every playground response: refuse a Host header that is not this machine (DNS rebinding), and
 * forbid framing (clickjacking the act-as-anyone switcher).
 */
function playgroundHostOnly(publicUrl: string | null) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.set({ 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' });
    if (!isPlaygroundHost(req.get('host'), publicUrl)) {
      res.status(421).type('text/plain; charset=utf-8').send(`${chrome.otherHost.da}\n${chrome.otherHost.en}\n`);
      return;
    }
    next();
  };
}

async function deliverReply(deps: PlaygroundDeps, person: PlaygroundPerson, conversationId: string, reply: Reply): Promise<ReplyView> {
  switch (reply.kind) {
    case 'none':
      return { kind: 'none' };
    case 'message':
      if (reply.keepNoCopy) return { kind: 'message', keepNoCopy: true, html: messageToHtml(reply.message) };
      await showOnlyTo(deps.workspace, deps.feed, deps.clock, conversationId, person.externalId, reply.message);
      return { kind: 'message' };
    case 'form':
      return { kind: 'form', html: formToHtml(reply.form) };
    case 'form_errors':
      return { kind: 'form_errors', errors: reply.errors };
  }
}

/** zod's issues as one readable line: "text: Too big…; as: Required". */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request body'}: ${issue.message}`).join('; ');
}
