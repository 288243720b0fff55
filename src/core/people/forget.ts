// `slet mine data` / `delete my data`, and an admin's data request: ask, confirm, delete.
import { helpMessage } from '../help.ts';
import { languageOf, type Turn } from '../context.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Reply } from '../model/messages.ts';

export const FORGET_ACTIONS = { confirm: 'forget.confirm', cancel: 'forget.cancel' } as const;
export const FORGET_PICK_FORM = 'forget.pick';

export async function askForget(turn: Turn): Promise<Reply> {
  return { kind: 'message', message: helpMessage(languageOf(turn)) };
}
export async function askForgetFor(turn: Turn, _args: string): Promise<Reply> {
  return askForget(turn);
}
export async function confirmForget(turn: Turn, _value: string): Promise<Reply> {
  return askForget(turn);
}
export async function cancelForget(turn: Turn, _value: string): Promise<Reply> {
  return askForget(turn);
}
export async function submitPick(turn: Turn<Extract<InboundEvent, { type: 'form_submitted' }>>): Promise<Reply> {
  return askForget(turn);
}
