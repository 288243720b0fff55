// Who may do what with polls: a workspace admin grants the HR role; only HR creates polls and
// sees results. Admins are named by the platform (Slack's admins and owners), by configuration
// (ADMINS), or hold the admin role in the database (the playground's first demo member).
// Whom a grant reaches (a person, never a name) is grant.ts.
import { LederrumError } from '../errors.ts';
import type { InboundEvent } from '../model/events.ts';
import type { Reply } from '../model/messages.ts';
import { textMessage } from '../model/messages.ts';
import { listNames, translator } from '../i18n/translate.ts';
import { type Turn, personalLanguage } from '../context.ts';
import { distinctLabels } from '../people/names.ts';
import { changeByCommand, submitPicker, type RoleChange } from './grant.ts';

export { HR_PICK_FORM } from './grant.ts';

export async function isAdmin(turn: Turn): Promise<boolean> {
  const { actor } = turn.event;
  if (actor.admin === true || turn.deps.admins?.has(`${actor.platform}:${actor.externalId}`)) return true;
  return turn.deps.store.hasRole(turn.person.id, 'admin');
}

export async function requireHr(turn: Turn): Promise<void> {
  if (!(await turn.deps.store.hasRole(turn.person.id, 'hr'))) throw new LederrumError('NOT_HR', 'error.not_hr');
}

/** `hr`, `hr tildel @Bo` / `hr tildel Bo Nielsen` / `hr tildel` (a list), `hr fjern …` (English: `hr grant`, `hr revoke`). */
export async function hrCommand(turn: Turn, args: string): Promise<Reply> {
  const [verb = '', ...rest] = args.trim().split(/\s+/);
  if (verb === '') return listHolders(turn);
  const change = changeOf(verb);
  if (!change) throw new LederrumError('INVALID_INPUT', 'error.hr_usage');
  if (!(await isAdmin(turn))) throw new LederrumError('NOT_ADMIN', 'error.not_admin');
  return changeByCommand(turn, change, rest.join(' ').trim());
}

/** The list of people submitted (grant.ts checks the choice); only an admin's counts. */
export async function submitPick(turn: Turn<Extract<InboundEvent, { type: 'form_submitted' }>>): Promise<Reply> {
  if (!(await isAdmin(turn))) throw new LederrumError('NOT_ADMIN', 'error.not_admin');
  return submitPicker(turn);
}

/** Whether `hr …` answers with the list to choose from (no one named), so Slack can open its modal at once. */
export function opensPicker(args: string): boolean {
  const words = args.trim().split(/\s+/);
  return words.length === 1 && changeOf(words[0]!) !== null;
}

function changeOf(verb: string): RoleChange | null {
  if (/^(tildel|grant|giv|add)$/i.test(verb)) return 'grant';
  if (/^(fjern|revoke|remove)$/i.test(verb)) return 'revoke';
  return null;
}

async function listHolders(turn: Turn): Promise<Reply> {
  const language = personalLanguage(turn);
  const t = translator(language);
  const hr = await turn.deps.store.holders(turn.person.workspace, 'hr');
  const labels = distinctLabels(hr);
  const text =
    hr.length > 0
      ? t('hr.list', {
          names: listNames(
            language,
            hr.map((p) => labels.get(p.id)!),
          ),
        })
      : t('hr.none');
  return { kind: 'message', message: textMessage(text) };
}
