// Participation per member over the last check-ins: counts and a trail, never content.
// Used by `deltagelse`/`participation` and by a facilitator's overview.
import type { Group, Language, Member } from '../model/domain.ts';
import type { Block } from '../model/messages.ts';
import type { AttendanceHistory } from '../checkins/model.ts';
import { translator } from '../i18n/translate.ts';
import { participationCounts } from '../checkins/rules.ts';

export const PARTICIPATION_WINDOW = 6;

/** In the group's language, or in `language` where the reader's own page shows it (their overview). */
export function participationBlocks(group: Group, memberships: readonly Member[], history: AttendanceHistory, language: Language = group.language): Block[] {
  const t = translator(language);
  if (history.checkins.length === 0) {
    return [{ type: 'section', title: group.name, text: t('participation.none') }];
  }
  const counts = participationCounts(
    history,
    memberships.map((m) => m.person.id),
  );
  const fields = memberships.map((m, i) => {
    const count = counts[i]!;
    const trail = count.trail.map((present) => (present === null ? '·' : present ? '✓' : '–')).join(' ');
    return { label: m.person.displayName, value: `${t('participation.row', { present: count.present, total: count.total })}  ${trail}` };
  });
  return [
    { type: 'header', text: t('participation.header', { group: group.name, count: history.checkins.length }) },
    { type: 'fields', fields },
    { type: 'context', text: t('participation.note') },
  ];
}
