// Leadership groups: creating one from a conversation, adding and removing members, and who
// took part in the check-ins.
import { defineFeature } from '../feature.ts';
import * as groups from './service.ts';
import { groupText } from './texts.ts';
import { groupReportText } from './texts-report.ts';
import { groupReportCommand } from './report.ts';

export const groupsFeature = defineFeature({
  name: 'groups',
  commands: {
    'group.create': { role: 'member', spellings: { da: ['gruppe opret'], en: ['group create'] }, opensForm: true, help: 'help.group.create', run: (turn, args) => groups.openCreateForm(turn, args) },
    'group.add': { role: 'facilitator', spellings: { da: ['gruppe tilføj', 'gruppe tilfoej'], en: ['group add'] }, opensForm: true, help: 'help.group.members', run: groups.openAddForm },
    'group.remove': { role: 'facilitator', spellings: { da: ['gruppe fjern'], en: ['group remove'] }, opensForm: true, run: groups.openRemoveForm },
    participation: { role: 'facilitator', spellings: { da: ['deltagelse'], en: ['participation'] }, help: 'help.participation', run: groups.participation },
    'group.report': { role: 'facilitator', spellings: { da: ['gruppe rapport'], en: ['group report'] }, help: 'help.group.report', run: groupReportCommand },
  },
  forms: {
    [groups.FORMS.create]: groups.createGroup,
    [groups.FORMS.add]: (turn) => groups.changeMembers(turn, 'add'),
    [groups.FORMS.remove]: (turn) => groups.changeMembers(turn, 'remove'),
  },
  texts: [groupText, groupReportText],
});
