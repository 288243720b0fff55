// Reflection tools: prompts by theme, the guided tools that end in an agreement, the maturity
// model, a check-in's theme and the weekly prompt.
import { defineFeature } from '../feature.ts';
import * as tools from './service.ts';
import * as maturity from './maturity.ts';
import * as theme from './theme.ts';
import * as weekly from './weekly.ts';
import { toolText } from './texts.ts';

export const toolsFeature = defineFeature({
  name: 'tools',
  commands: {
    // `værktøj 1` opens a tool's form; a bare `værktøj` lists the tools.
    'tools.list': {
      role: 'member',
      spellings: { da: ['værktøj', 'vaerktoej'], en: ['tool', 'tools'] },
      opensForm: (args) => args.trim() !== '',
      help: 'help.tools',
      run: (turn, args) => (args.trim() ? tools.startTool(turn, args) : tools.listTools(turn)),
    },
    'tools.prompt': { role: 'member', spellings: { da: ['spørgsmål'], en: ['prompt'] }, help: 'help.prompt', run: tools.randomPrompt },
    'tools.maturity': { role: 'member', spellings: { da: ['modenhed'], en: ['maturity'] }, opensForm: true, help: 'help.maturity', run: maturity.maturityForm },
    'checkin.theme': { role: 'facilitator', spellings: { da: ['tjekind tema'], en: ['checkin theme'] }, help: 'help.theme', run: theme.setTheme },
    'tools.weekly': { role: 'member', spellings: { da: ['ugens spørgsmål'], en: ['weekly prompt'] }, help: 'help.weekly', run: weekly.setWeeklyPrompt },
  },
  buttons: {
    [tools.TOOL_ACTIONS.start]: { opensForm: true, run: tools.startTool },
    [tools.TOOL_ACTIONS.prompt]: { run: tools.randomPrompt },
    [tools.TOOL_ACTIONS.maturity]: { opensForm: true, run: maturity.maturityForm },
    [tools.TOOL_ACTIONS.share]: { run: tools.shareOutcome },
  },
  forms: {
    [tools.TOOL_FORMS.step]: tools.submitStep,
    [tools.TOOL_FORMS.maturity]: maturity.maturityResult,
  },
  jobs: { 'prompt.weekly': weekly.sendWeeklyPrompt },
  texts: [toolText],
});
