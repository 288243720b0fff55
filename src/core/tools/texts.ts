// The tool library (BRIEF point 4).
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const toolText = {
  // — The tool library (BRIEF point 4).
  'tools.header': { da: 'Værktøjer', en: 'Tools' },
  'tools.intro': {
    da: 'Korte spørgsmål til eftertanke og tre guidede værktøjer. Det, du skriver, er kun dit, medmindre du selv deler det.',
    en: 'Short prompts for reflection and three guided tools. What you write is yours alone unless you share it.',
  },
  'tools.prompts_title': { da: 'Spørgsmål – skriv `spørgsmål <tema>`', en: 'Prompts – write `prompt <theme>`' },
  'tools.guided_title': { da: 'Guidede værktøjer – skriv `værktøj 1`', en: 'Guided tools – write `tool 1`' },
  'tools.prompt_private': { da: 'Til dig selv – du behøver ikke svare nogen.', en: 'For yourself – you need not answer anyone.' },
  'tools.resumed': { da: 'Velkommen tilbage – du fortsætter ved trin {step}.', en: 'Welcome back – you continue at step {step}.' },
  'tools.step_of': { da: 'Trin {step} af {steps}', en: 'Step {step} of {steps}' },
  'tools.your_answer': { da: 'Dit svar', en: 'Your answer' },
  'tools.your_choice': { da: 'Dit valg', en: 'Your choice' },
  'tools.your_agreement': { da: 'Din aftale', en: 'Your agreement' },
  'tools.next': { da: 'Videre', en: 'Next' },
  'tools.finish': { da: 'Afslut', en: 'Finish' },
  'tools.pause_here': { da: 'Gem og hold pause – jeg fortsætter senere', en: 'Save and pause – I will continue later' },
  'tools.paused': {
    da: 'Gemt. Skriv `værktøj {number}`, når du vil fortsætte – du starter, hvor du slap.',
    en: 'Saved. Write `tool {number}` when you want to continue – you start where you left off.',
  },
  'tools.done': { da: '{tool} – færdig', en: '{tool} – done' },
  'tools.done_private': {
    da: 'Det her er kun dit. Vil du dele aftalen med gruppen, så tryk på knappen.',
    en: 'This is yours alone. To share the agreement with your group, press the button.',
  },
  'tools.share': { da: 'Del aftalen med gruppen', en: 'Share the agreement with the group' },
  'tools.shared_title': { da: '{name} deler en aftale', en: '{name} shares an agreement' },
  'tools.shared': { da: 'Aftalen er delt med {group}.', en: 'The agreement is shared with {group}.' },
  'error.unknown_tool': {
    da: 'Værktøjet “{value}” kender jeg ikke. Skriv `værktøj` for listen – værktøjerne hedder {tools}.',
    en: 'I do not know the tool “{value}”. Write `tool` for the list – the tools are {tools}.',
  },
  'error.unknown_theme': {
    da: 'Temaet “{value}” kender jeg ikke. Vælg et af: {themes}.',
    en: 'I do not know the theme “{value}”. Choose one of: {themes}.',
  },
  'error.tool_finished': {
    da: 'Du har gjort “{tool}” færdigt. Skriv `værktøj {number} forfra` for at starte igen.',
    en: 'You have finished “{tool}”. Write `tool {number} again` to start over.',
  },
  'error.tool_step_passed': {
    da: 'Det trin er allerede gemt. Skriv `værktøj {number}` for at fortsætte, hvor du er.',
    en: 'That step is already saved. Write `tool {number}` to continue where you are.',
  },
  'error.tool_answer_empty': {
    da: 'Skriv et svar – eller sæt flueben ved “hold pause”, så gemmer jeg, hvor du er.',
    en: 'Write an answer – or tick “pause” and I will keep your place.',
  },
  'error.tool_date': {
    da: 'Jeg kan ikke læse “{value}” som en dato. Skriv en dato som {example}, “7. december” eller “om 2 uger”. Dine tidligere svar er gemt.',
    en: 'I cannot read “{value}” as a date. Write a date such as {example}, “December 7” or “in 2 weeks”. Your earlier answers are saved.',
  },
  'error.tool_date_past': {
    da: '{value} er allerede passeret (i dag er {today}). Skriv i dag eller en senere dato, fx {example}. Dine tidligere svar er gemt.',
    en: '{value} has already passed (today is {today}). Write today or a later date, e.g. {example}. Your earlier answers are saved.',
  },
  'weekly.on': {
    da: 'Du får ét spørgsmål om ugen ({theme}), en time inde i din første arbejdsdag. Skriv `ugens spørgsmål fra` for at stoppe.',
    en: 'You will get one prompt a week ({theme}), an hour into your first working day. Write `weekly prompt off` to stop.',
  },
  'weekly.off': { da: 'Ugens spørgsmål er stoppet.', en: 'The weekly prompt is stopped.' },
  'weekly.all_themes': { da: 'skiftende temaer', en: 'changing themes' },
  'weekly.header': { da: 'Ugens spørgsmål', en: 'This week’s prompt' },
  'weekly.footer': {
    da: 'Til dig selv. `ugens spørgsmål fra` stopper dem; `pause til …` holder pause.',
    en: 'For yourself. `weekly prompt off` stops them; `pause until …` pauses.',
  },
  'error.weekly_prompt': {
    da: 'Skriv `ugens spørgsmål til`, `ugens spørgsmål til restitution` eller `ugens spørgsmål fra`.',
    en: 'Write `weekly prompt on`, `weekly prompt on restitution` or `weekly prompt off`.',
  },
  'maturity.button': { da: 'Modenhedsmodel', en: 'Maturity model' },
  'maturity.title': { da: 'Hvor langt er vi?', en: 'How far have we come?' },
  'maturity.submit': { da: 'Vis vores niveau', en: 'Show our level' },
  'maturity.intro': {
    da: 'Sæt flueben ved det, der passer på jer i dag. Der er ingen forkerte svar – det er et udgangspunkt for næste skridt.',
    en: 'Tick what is true of you today. There are no wrong answers – it is a starting point for the next step.',
  },
  'maturity.level': { da: 'I er på niveau {level}: {name}', en: 'You are at level {level}: {name}' },
  'maturity.before': { da: 'I er ved begyndelsen', en: 'You are at the beginning' },
  'maturity.next_step': { da: 'Et næste skridt', en: 'One next step' },
  'maturity.note': { da: 'Kun du ser dette svar.', en: 'Only you see this answer.' },
  'theme.set_next': { da: 'Næste tjek-ind får temaet “{theme}”.', en: 'The next check-in gets the theme “{theme}”.' },
  'theme.set_open': { da: 'Tjek-ind #{sequence} har nu temaet “{theme}”.', en: 'Check-in #{sequence} now has the theme “{theme}”.' },
  'round.theme': { da: 'Tema: {theme} – {question}', en: 'Theme: {theme} – {question}' },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.prompt': { da: '`spørgsmål` / `spørgsmål <tema>` – et refleksionsspørgsmål til dig selv', en: '`prompt` / `prompt <theme>` – a reflection prompt for yourself' },
  'help.maturity': { da: '`modenhed` – hvor langt er I som ledergruppe?', en: '`maturity` – how far have you come as a leadership group?' },
  'help.theme': { da: '`tjekind tema <tema>` – giv tjek-ind et tema', en: '`checkin theme <theme>` – give the check-in a theme' },
  'help.weekly': { da: '`ugens spørgsmål til` / `ugens spørgsmål fra` – ét spørgsmål om ugen til dig selv', en: '`weekly prompt on` / `weekly prompt off` – one prompt a week for yourself' },
  'help.tools': { da: '`værktøj` – refleksionsværktøjer og spørgsmål', en: '`tool` – reflection tools and prompts' },
} as const satisfies Record<string, { da: string; en: string }>;
