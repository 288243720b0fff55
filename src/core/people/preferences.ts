// A person's own language and time zone. By default both follow the platform profile
// (Slack's locale and tz); once chosen here, the profile no longer overwrites them,
// until the person says `auto`.
import type { Language } from '../model/domain.ts';
import { textMessage, type Reply } from '../model/messages.ts';
import { translator, type Params } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { languageOf, type Turn, personalLanguage } from '../context.ts';
import type { Preferences } from './model.ts';
import { language as checkLanguage, timeZone as checkTimeZone } from '../groups/validate.ts';

const FOLLOW_PROFILE = 'auto';

export async function setLanguage(turn: Turn, args: string): Promise<Reply> {
  const choice = args.trim().toLowerCase();
  if (choice === '') return shown(turn);
  if (choice === FOLLOW_PROFILE) {
    const person = await followProfile(turn, { locale: null });
    return reply(person.locale ?? languageOf(turn), 'prefs.follow_profile');
  }
  const locale = parseLanguage(choice);
  await turn.deps.store.setPreferences(turn.person.id, { locale });
  return reply(locale, 'prefs.language_set');
}

export async function setTimeZone(turn: Turn, args: string): Promise<Reply> {
  const choice = args.trim();
  const language = personalLanguage(turn);
  if (choice === '') return shown(turn);
  if (choice.toLowerCase() === FOLLOW_PROFILE) {
    await followProfile(turn, { timeZone: null });
    return reply(language, 'prefs.follow_profile');
  }
  const timeZone = checkTimeZone(choice);
  await turn.deps.store.setPreferences(turn.person.id, { timeZone });
  return reply(language, 'prefs.time_zone_set', { zone: timeZone });
}

/** Lets the platform profile decide again, and takes its current value at once. */
async function followProfile(turn: Turn, cleared: Preferences) {
  await turn.deps.store.setPreferences(turn.person.id, cleared);
  return turn.deps.store.upsertPerson(turn.event.actor);
}

function shown(turn: Turn): Reply {
  const language = personalLanguage(turn);
  const t = translator(language);
  const { locale, timeZone } = turn.person;
  return reply(language, 'prefs.shown', {
    language: locale ? t(`language.${locale}`) : t('prefs.unset'),
    zone: timeZone ?? t('prefs.unset'),
  });
}

/** Accepts da/en and the languages' names in either language ("dansk", "english"). */
function parseLanguage(choice: string): Language {
  const names: Record<string, Language> = { dansk: 'da', danish: 'da', engelsk: 'en', english: 'en' };
  return checkLanguage(names[choice] ?? choice);
}

function reply(language: Language, key: MessageKey, params?: Params): Reply {
  return { kind: 'message', message: textMessage(translator(language)(key, params)) };
}
