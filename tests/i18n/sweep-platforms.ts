// For the language sweep: one catalogue text put in every place a message or form has (header,
// text, section, context, fields, button; form title, submit, intro, labels, hints, options),
// rendered by each adapter's own pure renderer, and read back as the pieces a person sees, each
// with what that place renders: Slack mrkdwn, Teams Markdown (TextBlocks, facts, text messages),
// or nothing (plain text: Slack's plain_text, Teams' labels, choices and buttons, the
// playground's text after its HTML is read).
import { formToHtml, messageToHtml } from '../../adapters/playground/render.ts';
import { blockOf, formModal } from '../../adapters/slack/render.ts';
import { formCard, messageCard } from '../../adapters/teams/render.ts';
import { activityOf } from '../../adapters/teams/split.ts';
import type { Block, Form, Language, Message } from '../../src/core/index.ts';

export type Platform = 'slack' | 'teams' | 'playground';
/** What the place shows: its Markdown dialect, or plain text. */
export type Slot = 'mrkdwn' | 'teams-markdown' | 'plain';
export interface Shown {
  platform: Platform;
  slot: Slot;
  text: string;
}

const PLACE = { conversationId: 'C1', kind: 'group' as const };

/** The text in every place of a message. */
export function messageWith(text: string): Message {
  const blocks: Block[] = [
    { type: 'header', text },
    { type: 'text', text },
    { type: 'section', title: text, text },
    { type: 'context', text },
    { type: 'fields', fields: [{ label: text, value: text }] },
    { type: 'buttons', buttons: [{ action: 'a', value: 'v', label: text }] },
  ];
  return { text, blocks };
}

/** The text in every place of a form, in `language` (so the platform's own words around it are too). */
export function formWith(text: string, language: Language): Form {
  return {
    id: 'sweep',
    language,
    state: '',
    title: text,
    submitLabel: text,
    intro: [{ type: 'text', text }],
    fields: [
      { type: 'text', id: 't', label: text, hint: text },
      { type: 'choice', id: 'c', label: text, options: [{ value: 'x', label: text }], placeholder: text },
      { type: 'multi_choice', id: 'm', label: text, options: [{ value: 'x', label: text }] },
      { type: 'checkbox', id: 'b', label: text },
    ],
  };
}

/** Every text object in Block Kit: plain_text and mrkdwn, as Slack says. */
function slackTexts(value: unknown, out: Shown[]): void {
  if (Array.isArray(value)) for (const v of value) slackTexts(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ((o['type'] === 'plain_text' || o['type'] === 'mrkdwn') && typeof o['text'] === 'string') {
      out.push({ platform: 'slack', slot: o['type'] === 'mrkdwn' ? 'mrkdwn' : 'plain', text: o['text'] });
    } else for (const [key, v] of Object.entries(o)) if (key !== 'private_metadata') slackTexts(v, out);
  }
}

/** Every text in an Adaptive Card (or activity): TextBlocks and facts render Markdown; titles, labels, placeholders and choices do not. */
function teamsTexts(value: unknown, out: Shown[]): void {
  if (Array.isArray(value)) for (const v of value) teamsTexts(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const push = (slot: Slot, text: unknown) => typeof text === 'string' && out.push({ platform: 'teams', slot, text });
    if (o['type'] === 'TextBlock' && o['fontType'] !== 'Monospace') push('teams-markdown', o['text']);
    if (o['type'] === 'message') push('teams-markdown', o['text']);
    if (o['type'] === 'message') push('plain', o['summary']);
    if ('facts' in o) for (const fact of o['facts'] as Array<{ title: string; value: string }>) for (const text of [fact.title, fact.value]) push('teams-markdown', text);
    for (const key of ['label', 'placeholder']) push('plain', o[key]);
    if (typeof o['type'] === 'string' && (o['type'].startsWith('Action.') || o['type'] === 'Input.Toggle')) push('plain', o['title']);
    if ('choices' in o) for (const choice of o['choices'] as Array<{ title: string }>) push('plain', choice.title);
    for (const [key, v] of Object.entries(o)) if (key !== 'data' && key !== 'facts' && key !== 'choices') teamsTexts(v, out);
  }
}

/** Every text of Teams activities or cards as shown, for checks on what a bot really sent. */
export function shownOnTeams(value: unknown): Shown[] {
  const out: Shown[] = [];
  teamsTexts(value, out);
  return out;
}

/** What a browser shows of an HTML fragment: tags dropped, entities read, <br> a line break. */
export function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text as each platform shows it, everywhere a message or form can hold it. */
export function shownEverywhere(text: string, language: Language): Shown[] {
  const message = messageWith(text);
  const form = formWith(text, language);
  const out: Shown[] = [];
  slackTexts(
    message.blocks.flatMap((b, i) => blockOf(b, i)),
    out,
  );
  slackTexts(formModal(form, PLACE), out);
  teamsTexts(messageCard(message), out);
  teamsTexts(formCard(form, PLACE, { id: 'u', name: 'U' }), out);
  teamsTexts(activityOf({ text, blocks: [{ type: 'text', text }] }), out);
  teamsTexts(activityOf(message), out);
  for (const html of [messageToHtml(message), formToHtml(form)]) out.push({ platform: 'playground', slot: 'plain', text: visibleText(html) });
  return out;
}
