// Where the core's reply to a person goes in Slack. A form becomes a modal (filling the
// placeholder opened the instant the trigger arrived); a message goes only to the person:
// into that modal, as an ephemeral message, or in their private chat with Lederrum.
import type { WebClient } from '@slack/web-api';
import { translate, type Form, type Language, type Logger, type Message, type Place, type Reply } from '../../src/core/index.ts';
import { formModal, loadingModal, messageModal } from './render.ts';
import { postJson } from './response-url.ts';
import { sendParts } from './split.ts';

/** How to show a message to the person in this situation (ephemeral, DM, …). */
export type ShowMessage = (message: Message) => Promise<unknown>;

export const OPEN_FORM_ACTION = 'lederrum.open_form';

export interface ReplyTarget {
  client: WebClient;
  language: Language;
  place: Place;
  /** The placeholder modal, when one was opened for this event. */
  modalId: string | null;
  triggerId: string | null;
  /** The command text that asked for a form: offered again behind a button when no modal can open. */
  commandText?: string;
  showMessage: ShowMessage;
  logger: Logger;
}

/**
 * A message only the person sees, through the response_url of their command or button; a long
 * one as several, in order (a response_url takes up to five messages).
 */
export async function respondEphemeral(responseUrl: string, message: Message): Promise<void> {
  await sendParts(message, async (part) => {
    const status = await postJson(responseUrl, { response_type: 'ephemeral', replace_original: false, ...part });
    if (status < 200 || status > 299) throw new Error(`response_url answered ${status}`);
  });
}

export async function openPlaceholder(client: WebClient, triggerId: string, language: Language, logger: Logger): Promise<string | null> {
  try {
    const result = await client.views.open({ trigger_id: triggerId, view: loadingModal(language) });
    return result.view?.id ?? null;
  } catch (error) {
    logger.warn('slack modal could not open', { error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

export async function showReply(reply: Reply, target: ReplyTarget): Promise<void> {
  const { client, language, modalId } = target;
  switch (reply.kind) {
    case 'none':
      if (modalId) await client.views.update({ view_id: modalId, view: messageModal({ text: '', blocks: [] }, language) });
      return;
    case 'message':
      if (modalId) await client.views.update({ view_id: modalId, view: messageModal(reply.message, language) });
      else await target.showMessage(reply.message);
      return;
    case 'form':
      return showForm(reply.form, target);
    case 'form_errors': {
      const text = Object.values(reply.errors).join('\n');
      await target.showMessage({ text, blocks: [{ type: 'text', text }] });
      return;
    }
  }
}

async function showForm(form: Form, target: ReplyTarget): Promise<void> {
  const { client, language, place, modalId, triggerId } = target;
  const view = formModal(form, place);
  if (modalId) {
    await client.views.update({ view_id: modalId, view });
    return;
  }
  if (triggerId) {
    try {
      await client.views.open({ trigger_id: triggerId, view });
      return;
    } catch (error) {
      target.logger.warn('slack form could not open with its trigger', { error: error instanceof Error ? error.message : String(error) });
    }
  }
  // No trigger (a text command in a chat) or it expired: a button brings a fresh one.
  const text = translate(language, 'platform.form_needs_button');
  await target.showMessage({
    text,
    blocks: [
      { type: 'text', text },
      { type: 'buttons', buttons: [{ action: OPEN_FORM_ACTION, value: target.commandText ?? '', label: translate(language, 'platform.open_form'), style: 'primary' }] },
    ],
  });
}
