// Check-ins: the "siden sidst" round, the "hvad tager jeg med mig" round, answering, passing and
// closing, the facilitator's view of who has answered, and the jobs that open, close and nudge
// on the group's plan.
import { defineFeature } from '../feature.ts';
import * as checkins from './service.ts';
import * as view from './round-view.ts';
import { ACTIONS, ANSWER_FORM } from './messages.ts';
import { checkinJobs } from './jobs.ts';
import { roundText } from './texts.ts';
import { roundViewText } from './texts-view.ts';

export const checkinsFeature = defineFeature({
  name: 'checkins',
  commands: {
    'checkin.start': { role: 'facilitator', spellings: { da: ['tjekind start', 'start'], en: ['checkin start'] }, help: 'help.checkin.start', run: checkins.startCheckin },
    'checkin.closing': { role: 'facilitator', spellings: { da: ['tjekind afrunding', 'afrunding'], en: ['checkin closing', 'closing'] }, help: 'help.checkin.closing', run: checkins.startTakeAway },
    'checkin.close': { role: 'facilitator', spellings: { da: ['tjekind afslut', 'afslut'], en: ['checkin close', 'close'] }, help: 'help.checkin.close', run: checkins.closeCheckin },
    'checkin.status': { role: 'facilitator', spellings: { da: ['tjekind status', 'status'], en: ['checkin status'] }, help: 'help.checkin.status', run: view.roundStatus },
  },
  buttons: {
    [ACTIONS.answer]: { opensForm: true, run: checkins.openAnswerForm },
    [ACTIONS.pass]: { run: checkins.pass },
    [ACTIONS.startTakeAway]: { run: checkins.startTakeAwayFromRound },
    [ACTIONS.closeCheckin]: { run: checkins.closeFromRound },
    [ACTIONS.status]: { run: view.roundStatusOf },
    [ACTIONS.nudge]: { run: view.nudgeMissing },
  },
  forms: { [ANSWER_FORM]: checkins.submitAnswer },
  jobs: checkinJobs,
  texts: [roundText, roundViewText],
});
