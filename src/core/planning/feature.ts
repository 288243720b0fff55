// A group's check-in plan (when it opens and closes, which days it skips) and each member's
// nudges: how many, paused until when, within which working hours.
import { defineFeature } from '../feature.ts';
import * as schedules from './commands.ts';
import { scheduleText } from './texts.ts';

export const planningFeature = defineFeature({
  name: 'planning',
  commands: {
    'schedule.plan': {
      role: 'facilitator',
      spellings: { da: ['tjekind plan', 'plan'], en: ['checkin schedule', 'schedule'] },
      opensForm: true,
      help: 'help.schedule.plan',
      run: schedules.openPlanForm,
    },
    'nudges.level': { role: 'member', spellings: { da: ['påmindelser'], en: ['nudges'] }, help: 'help.nudges', run: schedules.setNudgeLevel },
    'nudges.pause': { role: 'member', spellings: { da: ['pause'], en: [] }, run: schedules.setPause },
    'nudges.hours': { role: 'member', spellings: { da: ['arbejdstid'], en: ['working hours'] }, run: schedules.setWorkingHours },
  },
  buttons: { [schedules.SAVE_PLAN]: { run: schedules.savePlan }, [schedules.OPEN_PLAN]: { opensForm: true, run: schedules.openPlanFromButton } },
  forms: { [schedules.PLAN_FORM]: schedules.previewPlan },
  texts: [scheduleText],
});
