// The playground's demo members, added on the first start so a newcomer can act as several
// people at once. They can be removed in the playground and are not added again.
import type { Language } from '../core/model/domain.ts';

export const DEMO_MEMBERS: Array<{ displayName: string; locale: Language; timeZone: string | null }> = [
  { displayName: 'Anna Holm', locale: 'da', timeZone: 'Europe/Copenhagen' },
  { displayName: 'Bo Nielsen', locale: 'da', timeZone: 'Europe/Copenhagen' },
  { displayName: 'Carl Jensen', locale: 'da', timeZone: 'Europe/Copenhagen' },
  { displayName: 'Dorte Madsen', locale: 'da', timeZone: 'Europe/Copenhagen' },
  { displayName: 'Emma Clarke', locale: 'en', timeZone: 'Europe/London' },
];
