// Parse: the playground page's JSON requests → neutral events, checked with zod.
import { z } from 'zod';
import { workspaceOf, type Actor, type InboundEvent, type Place } from '../../src/core/index.ts';
import { isDirect, type PlaygroundPerson } from './workspace.ts';

const id = z.string().min(1).max(200);

export const commandRequest = z.object({ as: id, conversationId: id, text: z.string().max(4000) });
export const openedRequest = z.object({ as: id, conversationId: id });
export const buttonRequest = z.object({ as: id, conversationId: id, action: id, value: z.string().max(200) });
export const formRequest = z.object({
  as: id,
  conversationId: id,
  formId: id,
  state: z.string().max(200),
  values: z.record(z.string(), z.union([z.string().max(20_000), z.array(z.string().max(200)).max(500), z.boolean()])),
});
export const personRequest = z.object({
  displayName: z.string().trim().min(1).max(80),
  locale: z.enum(['da', 'en']).default('da'),
  timeZone: z.string().max(64).optional(),
});

export function actorOf(person: PlaygroundPerson): Actor {
  return {
    platform: 'playground',
    workspace: workspaceOf('playground'),
    externalId: person.externalId,
    displayName: person.displayName,
    locale: person.locale,
    ...(person.timeZone ? { timeZone: person.timeZone } : {}),
  };
}

export function placeOf(conversationId: string, name?: string): Place {
  return { conversationId, kind: isDirect(conversationId) ? 'direct' : 'group', ...(name ? { name } : {}) };
}

/** Text typed in a channel goes to Lederrum only when it starts with "/lederrum"; in the bot's DM, always. */
export function commandText(conversationId: string, text: string): string | null {
  const trimmed = text.trim();
  if (isDirect(conversationId)) return trimmed;
  return /^\/lederrum\b/i.test(trimmed) ? trimmed : null;
}

export function commandEvent(person: PlaygroundPerson, conversationId: string, text: string): InboundEvent {
  return { type: 'command', actor: actorOf(person), place: placeOf(conversationId), text };
}

export function buttonEvent(person: PlaygroundPerson, request: z.infer<typeof buttonRequest>): InboundEvent {
  return { type: 'button_pressed', actor: actorOf(person), place: placeOf(request.conversationId), action: request.action, value: request.value };
}

export function formEvent(person: PlaygroundPerson, request: z.infer<typeof formRequest>): InboundEvent {
  return {
    type: 'form_submitted',
    actor: actorOf(person),
    place: placeOf(request.conversationId),
    formId: request.formId,
    state: request.state,
    values: request.values,
  };
}
