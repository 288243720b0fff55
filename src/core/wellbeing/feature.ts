// A leader's own well-being, privately (issue 19, point 4): WHO-5 whenever they like, their own
// trend against the Danish norm, and an opt-in monthly reminder. Theirs alone: no other feature
// reads its entries, and they enter no aggregate.
import { defineFeature } from '../feature.ts';
import * as wellbeing from './service.ts';
import { turnReminderOff, turnReminderOn, sendWellbeingReminder } from './reminder.ts';
import { WELLBEING_ACTIONS, WELLBEING_FORM } from './messages.ts';
import { wellbeingText } from './texts.ts';

export const wellbeingFeature = defineFeature({
  name: 'wellbeing',
  commands: {
    'wellbeing.show': { role: 'member', spellings: { da: ['min trivsel'], en: ['my well-being', 'my wellbeing', 'my well being'] }, help: 'help.wellbeing', run: wellbeing.showWellbeing },
  },
  buttons: {
    [WELLBEING_ACTIONS.take]: { opensForm: true, run: wellbeing.openWho5 },
    [WELLBEING_ACTIONS.reminderOn]: { run: turnReminderOn },
    [WELLBEING_ACTIONS.reminderOff]: { run: turnReminderOff },
  },
  forms: { [WELLBEING_FORM]: wellbeing.submitWho5 },
  jobs: { 'wellbeing.reminder': sendWellbeingReminder },
  texts: [wellbeingText],
});
