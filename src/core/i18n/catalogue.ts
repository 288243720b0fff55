// Every user-visible string, Danish and English side by side (ARCHITECTURE rule 9).
// The `satisfies` clause makes a missing language a compile error; tests/core/i18n.test.ts
// also checks that both languages use the same {placeholders}.
// Wording follows BRIEF point 5: load and balance, never a label on a person.

// The entries live in one file per area; this file joins them. A key defined in two areas
// would silently win over the other, so `catalogueParts` lets a test check they are disjoint.
import { roundText } from './rounds.ts';
import { peopleText } from './people.ts';
import { scheduleText } from './schedule.ts';
import { toolText } from './tools.ts';
import { frameText } from './frames.ts';
import { agreementText } from './agreements.ts';
import { pollFlowText } from './poll-flow.ts';
import { pollText } from './polls.ts';
import { pollControlText } from './poll-controls.ts';
import { roleText } from './roles.ts';
import { myDataText } from './my-data.ts';
import { forgetText } from './forget.ts';
import { retentionText } from './retention.ts';
import { deliveryText } from './delivery.ts';

export const catalogueParts = [
  roundText,
  peopleText,
  scheduleText,
  toolText,
  frameText,
  agreementText,
  pollFlowText,
  pollText,
  pollControlText,
  roleText,
  myDataText,
  forgetText,
  retentionText,
  deliveryText,
] as const;

export const catalogue = {
  ...roundText,
  ...peopleText,
  ...scheduleText,
  ...toolText,
  ...frameText,
  ...agreementText,
  ...pollFlowText,
  ...pollText,
  ...pollControlText,
  ...roleText,
  ...myDataText,
  ...forgetText,
  ...retentionText,
  ...deliveryText,
} as const satisfies Record<string, { da: string; en: string }>;

export type MessageKey = keyof typeof catalogue;
