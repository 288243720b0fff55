// `mine data` / `my data`: what Lederrum keeps about the person, privately, with downloads.
import { helpMessage } from '../help.ts';
import { languageOf, type Turn } from '../context.ts';
import type { Reply } from '../model/messages.ts';

export const MY_DATA_ACTIONS = { file: 'mydata.file' } as const;

export async function showMyData(turn: Turn): Promise<Reply> {
  return { kind: 'message', message: helpMessage(languageOf(turn)) };
}

export async function sendFile(turn: Turn, _value: string): Promise<Reply> {
  return showMyData(turn);
}
