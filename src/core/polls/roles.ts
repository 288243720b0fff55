// Who may do what with polls: a workspace admin grants the HR role; only HR creates polls and
// sees results. Admins are named by the platform (Slack's admins and owners), by configuration
// (ADMINS), or hold the admin role in the database (the playground's first demo member).
import { LederrumError } from '../errors.ts';
import type { Reply } from '../model/messages.ts';
import { textMessage } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { type Turn, personalLanguage } from '../context.ts';

export async function isAdmin(turn: Turn): Promise<boolean> {
  const { actor } = turn.event;
  if (actor.admin === true || turn.deps.admins?.has(`${actor.platform}:${actor.externalId}`)) return true;
  return turn.deps.store.hasRole(turn.person.id, 'admin');
}

export async function requireHr(turn: Turn): Promise<void> {
  if (!(await turn.deps.store.hasRole(turn.person.id, 'hr'))) throw new LederrumError('NOT_HR', 'error.not_hr');
}

/** `hr`, `hr tildel Bo Nielsen`, `hr fjern Bo Nielsen` (English: `hr grant`, `hr revoke`). */
export async function hrCommand(turn: Turn, args: string): Promise<Reply> {
  const t = translator(personalLanguage(turn));
  const [verb = '', ...rest] = args.trim().split(/\s+/);
  const name = rest.join(' ').trim();
  const { store } = turn.deps;
  if (verb === '') {
    const hr = await store.holders(turn.person.workspace, 'hr');
    return { kind: 'message', message: textMessage(hr.length ? t('hr.list', { names: hr.map((p) => p.displayName).join(', ') }) : t('hr.none')) };
  }
  const grant = /^(tildel|grant|giv|add)$/i.test(verb);
  if (!grant && !/^(fjern|revoke|remove)$/i.test(verb)) throw new LederrumError('INVALID_INPUT', 'error.hr_usage');
  if (!(await isAdmin(turn))) throw new LederrumError('NOT_ADMIN', 'error.not_admin');
  const person = (await store.listPeople(turn.person.workspace)).find((p) => p.displayName.toLowerCase() === name.toLowerCase());
  if (!person) throw new LederrumError('NOT_FOUND', 'error.hr_unknown_person', { params: { name } });
  await store.setRole(person.id, 'hr', grant);
  return { kind: 'message', message: textMessage(t(grant ? 'hr.granted' : 'hr.revoked', { name: person.displayName })) };
}
