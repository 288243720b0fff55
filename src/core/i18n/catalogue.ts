// Every user-visible string, Danish and English side by side (ARCHITECTURE rule 9).
// The `satisfies` clause makes a missing language a compile error; tests/core/i18n.test.ts
// also checks that both languages use the same {placeholders}.
// Wording follows BRIEF point 5: load and balance, never a label on a person.

// Each feature keeps its texts in its own folder and names them in its feature object; this
// file joins them, so that a key's type is known to the compiler everywhere (the join cannot
// be built from the feature list itself: the features' handlers use the keys). A test checks
// that the parts here are exactly the core's own plus every feature's, and that they are disjoint.
import { frameText } from './frames.ts';
import { deliveryText } from './delivery.ts';
import { whoSeesText } from './who-sees.ts';
import { reportText } from '../reports/texts.ts';
import { groupText } from '../groups/texts.ts';
import { groupReportText } from '../groups/texts-report.ts';
import { roundText } from '../checkins/texts.ts';
import { roundViewText } from '../checkins/texts-view.ts';
import { scheduleText } from '../planning/texts.ts';
import { toolText } from '../tools/texts.ts';
import { agreementText } from '../agreements/texts.ts';
import { pollText } from '../polls/texts.ts';
import { pollFlowText } from '../polls/texts-flow.ts';
import { pollControlText } from '../polls/texts-controls.ts';
import { roleText } from '../polls/texts-roles.ts';
import { pollReportText } from '../polls/texts-report.ts';
import { peopleText } from '../people/texts.ts';
import { myDataText } from '../people/texts-my-data.ts';
import { forgetText } from '../people/texts-forget.ts';
import { retentionText } from '../people/texts-retention.ts';
import { wellbeingText } from '../wellbeing/texts.ts';
import { welcomeText } from '../onboarding/texts.ts';

/** The core's own texts: errors, help, platform frames, delivery reports, the words around charts and who sees what a form collects. */
export const coreTexts = [frameText, deliveryText, reportText, whoSeesText] as const;

export const catalogueParts = [
  ...coreTexts,
  groupText,
  groupReportText,
  roundText,
  roundViewText,
  scheduleText,
  agreementText,
  toolText,
  pollText,
  pollFlowText,
  pollControlText,
  roleText,
  pollReportText,
  peopleText,
  myDataText,
  forgetText,
  retentionText,
  wellbeingText,
  welcomeText,
] as const;

export const catalogue = {
  ...frameText,
  ...deliveryText,
  ...whoSeesText,
  ...reportText,
  ...groupText,
  ...groupReportText,
  ...roundText,
  ...roundViewText,
  ...scheduleText,
  ...toolText,
  ...agreementText,
  ...pollText,
  ...pollFlowText,
  ...pollControlText,
  ...roleText,
  ...pollReportText,
  ...peopleText,
  ...myDataText,
  ...forgetText,
  ...retentionText,
  ...wellbeingText,
  ...welcomeText,
} as const satisfies Record<string, { da: string; en: string }>;

export type MessageKey = keyof typeof catalogue;
