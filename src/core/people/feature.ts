// A person's own things: their overview, language and time zone, their data (export, delete,
// an admin's request for someone else), and the jobs that keep data only as long as promised.
import { defineFeature } from '../feature.ts';
import * as overview from './overview.ts';
import * as preferences from './preferences.ts';
import * as myData from './my-data.ts';
import * as forget from './forget.ts';
import { dataJobs } from './retention.ts';
import { peopleText } from './texts.ts';
import { myDataText } from './texts-my-data.ts';
import { forgetText } from './texts-forget.ts';
import { retentionText } from './texts-retention.ts';

export const peopleFeature = defineFeature({
  name: 'people',
  commands: {
    overview: { role: 'member', spellings: { da: ['overblik'], en: ['overview'] }, help: 'help.overview', run: overview.overview },
    'preferences.language': { role: 'member', spellings: { da: ['sprog'], en: ['language'] }, help: 'help.preferences', run: preferences.setLanguage },
    'preferences.time_zone': { role: 'member', spellings: { da: ['tidszone'], en: ['timezone', 'time zone'] }, run: preferences.setTimeZone },
    'mydata.show': { role: 'member', spellings: { da: ['mine data', 'eksporter mine data', 'eksportér mine data'], en: ['my data', 'export my data'] }, help: 'help.mydata', run: myData.showMyData },
    'mydata.delete': { role: 'member', spellings: { da: ['slet mine data', 'glem mig'], en: ['delete my data', 'forget me'] }, run: forget.askForget },
    // An admin's data request for someone else, named by mention or chosen from a list (a form).
    'mydata.delete_for': { role: 'admin', spellings: { da: ['slet data'], en: ['delete data'] }, opensForm: (args) => args.trim() === '', help: 'help.mydata.delete_for', run: forget.askForgetFor },
  },
  buttons: {
    [myData.MY_DATA_ACTIONS.file]: { run: myData.sendFile },
    [forget.FORGET_ACTIONS.confirm]: { run: forget.confirmForget },
    [forget.FORGET_ACTIONS.cancel]: { run: forget.cancelForget },
  },
  forms: { [forget.FORGET_PICK_FORM]: forget.submitPick },
  jobs: dataJobs,
  texts: [peopleText, myDataText, forgetText, retentionText],
});
