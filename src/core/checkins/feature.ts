// Check-ins: the "siden sidst" round, the "hvad tager jeg med mig" round, answering, passing and
// closing, and the jobs that open, close and nudge on the group's plan.
import { defineFeature } from '../feature.ts';
import * as checkins from './service.ts';
import { ACTIONS, ANSWER_FORM } from './messages.ts';
import { checkinJobs } from './jobs.ts';
import { roundText } from './texts.ts';

export const checkinsFeature = defineFeature({
  name: 'checkins',
  commands: {
    'checkin.start': { role: 'facilitator', spellings: { da: ['tjekind start', 'start'], en: ['checkin start'] }, help: 'help.checkin.start', run: checkins.startCheckin },
    'checkin.closing': { role: 'facilitator', spellings: { da: ['tjekind afrunding', 'afrunding'], en: ['checkin closing', 'closing'] }, help: 'help.checkin.closing', run: checkins.startTakeAway },
    'checkin.close': { role: 'facilitator', spellings: { da: ['tjekind afslut', 'afslut'], en: ['checkin close', 'close'] }, help: 'help.checkin.close', run: checkins.closeCheckin },
  },
  buttons: {
    [ACTIONS.answer]: { opensForm: true, run: checkins.openAnswerForm },
    [ACTIONS.pass]: { run: checkins.pass },
    [ACTIONS.startTakeAway]: { run: checkins.startTakeAwayFromRound },
    [ACTIONS.closeCheckin]: { run: checkins.closeFromRound },
  },
  forms: { [ANSWER_FORM]: checkins.submitAnswer },
  jobs: checkinJobs,
  texts: [roundText],
});
