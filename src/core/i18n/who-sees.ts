// Who sees what a form collects (issue 20, point 3): a leader could write something sensitive
// believing it private, so every form that takes a person's own words says, above its fields and
// in the same words everywhere, who will see them. tests/core/who-sees.test.ts opens every form
// the features answer and fails when one with a text field has no such line.
import type { Block } from '../model/messages.ts';
import type { Translator } from './translate.ts';

export const whoSeesText = {
  'whosees.group_by_name': { da: 'Gruppen ser dette under dit navn.', en: 'The group sees this under your name.' },
  'whosees.group': { da: 'Gruppen ser dette.', en: 'The group sees this.' },
  'whosees.only_you': { da: 'Kun du ser dette.', en: 'Only you see this.' },
  'whosees.only_you_unless_shared': {
    da: 'Kun du ser dette, medmindre du sætter kryds ved Del med gruppen.',
    en: 'Only you see this, unless you tick Share with the group.',
  },
  'whosees.agreement_choice': {
    da: 'Hvem der ser aftalen, vælger du under Hvem kan se den: Kun mig – så ser kun du den. Gruppen kan se den – så ser gruppen den under dit navn.',
    en: 'Who sees the agreement is your choice under Who can see it: Only me – only you see it. The group can see it – the group sees it under your name.',
  },
  'whosees.recipients': { da: 'De, du sender målingen til, ser dette.', en: 'Those you send the poll to see this.' },
} as const satisfies Record<string, { da: string; en: string }>;

export type Audience = keyof typeof whoSeesText extends `whosees.${infer A}` ? A : never;

/** The line a form shows above its fields. */
export function whoSees(t: Translator, audience: Audience): Block {
  return { type: 'context', text: t(`whosees.${audience}`) };
}
