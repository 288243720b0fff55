// Agreements and trial actions: making one (from a tool or by hand), the follow-ups that ask
// "kept, adjust or stop?", the benefit question, and the lists.
import { defineFeature } from '../feature.ts';
import * as agreements from './service.ts';
import * as lists from './lists.ts';
import * as proposals from './proposals.ts';
import { AGREEMENT_ACTIONS, AGREEMENT_FORMS } from './messages.ts';
import { runFollowUp } from './followups.ts';
import { agreementText } from './texts.ts';

export const agreementsFeature = defineFeature({
  name: 'agreements',
  commands: {
    'agreements.new': { role: 'member', spellings: { da: ['aftale'], en: ['agreement'] }, opensForm: true, help: 'help.agreements.new', run: (turn, args) => agreements.openMakeForm(turn, args) },
    'agreements.trial': {
      role: 'member',
      spellings: { da: ['prøvehandling', 'proevehandling'], en: ['trial', 'trial action'] },
      opensForm: true,
      run: (turn) => agreements.openMakeForm(turn, '', 'trial'),
    },
    'agreements.list': { role: 'member', spellings: { da: ['aftaler'], en: ['agreements'] }, help: 'help.agreements.list', run: lists.listCommand },
  },
  buttons: {
    [AGREEMENT_ACTIONS.make]: { opensForm: true, run: agreements.makeFrom },
    [AGREEMENT_ACTIONS.kept]: { run: (turn, value) => agreements.answer(turn, 'kept', value) },
    [AGREEMENT_ACTIONS.postpone]: { run: (turn, value) => agreements.answer(turn, 'postpone', value) },
    [AGREEMENT_ACTIONS.stop]: { run: (turn, value) => agreements.answer(turn, 'stop', value) },
    [AGREEMENT_ACTIONS.adjust]: { opensForm: true, run: agreements.openAdjust },
    [AGREEMENT_ACTIONS.benefit]: { run: agreements.recordBenefit },
    [AGREEMENT_ACTIONS.export]: { run: lists.exportList },
    [AGREEMENT_ACTIONS.accept]: { run: (turn, value) => proposals.decide(turn, 'accepted', value) },
    [AGREEMENT_ACTIONS.decline]: { run: (turn, value) => proposals.decide(turn, 'declined', value) },
  },
  forms: {
    [AGREEMENT_FORMS.make]: agreements.submitMake,
    [AGREEMENT_FORMS.adjust]: agreements.submitAdjust,
  },
  jobs: { 'agreement.followup': runFollowUp },
  texts: [agreementText],
});
