// Anonymous pulse polls for HR: the HR role, creating a poll, answering it, its results and
// HR's controls (close now, extend, cancel), and the jobs that open, remind and close it.
import { defineFeature } from '../feature.ts';
import * as roles from './roles.ts';
import * as create from './create.ts';
import * as respond from './respond.ts';
import * as show from './show.ts';
import * as controls from './controls.ts';
import * as report from './report.ts';
import { POLL_ACTIONS } from './invitation.ts';
import { pollJobs } from './jobs.ts';
import { pollText } from './texts.ts';
import { pollFlowText } from './texts-flow.ts';
import { pollControlText } from './texts-controls.ts';
import { roleText } from './texts-roles.ts';
import { pollReportText } from './texts-report.ts';

export const pollsFeature = defineFeature({
  name: 'polls',
  commands: {
    // `hr tildel` with no one named offers the list of people.
    hr: { role: 'admin', spellings: { da: ['hr'], en: [] }, opensForm: roles.opensPicker, help: 'help.hr', run: roles.hrCommand },
    'polls.list': { role: 'hr', spellings: { da: ['målinger'], en: ['polls'] }, run: show.listPolls },
    'polls.create': { role: 'hr', spellings: { da: ['måling'], en: ['poll'] }, opensForm: true, help: 'help.polls', run: create.openCreateForm },
  },
  buttons: {
    [POLL_ACTIONS.answer]: { opensForm: true, run: respond.openAnswerForm },
    [POLL_ACTIONS.results]: { run: show.showResults },
    [POLL_ACTIONS.csv]: { run: show.showCsv },
    [POLL_ACTIONS.report]: { run: report.showReport },
    [controls.POLL_CONTROLS.close]: { run: controls.closeNow },
    [controls.POLL_CONTROLS.extend]: { opensForm: true, run: controls.openExtendForm },
    [controls.POLL_CONTROLS.cancel]: { run: controls.askCancel },
    [controls.POLL_CONTROLS.confirmCancel]: { run: controls.confirmCancel },
  },
  forms: {
    [create.POLL_FORMS.create]: create.submitCreate,
    [respond.POLL_ANSWER_FORM]: respond.submitAnswer,
    [roles.HR_PICK_FORM]: roles.submitPick,
    [controls.POLL_EXTEND_FORM]: controls.submitExtend,
  },
  jobs: pollJobs,
  texts: [pollText, pollFlowText, pollControlText, roleText, pollReportText],
});
