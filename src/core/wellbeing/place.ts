// A person's well-being is theirs alone, so it is shown only in their private chat with Lederrum:
// in a group's channel (a command typed there, or a forged button) the answer is a polite refusal
// that points to the private chat, and nothing is read.
import { textMessage, type Reply } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { personalLanguage, type Turn } from '../context.ts';

export function refusedInGroup(turn: Turn): Reply | null {
  if (turn.event.place.kind !== 'group') return null;
  return { kind: 'message', message: textMessage(translator(personalLanguage(turn))('wellbeing.private_only')) };
}
