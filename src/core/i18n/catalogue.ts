// Every user-visible string, Danish and English side by side (ARCHITECTURE rule 9).
// The `satisfies` clause makes a missing language a compile error; tests/core/i18n.test.ts
// also checks that both languages use the same {placeholders}.
// Wording follows BRIEF point 5: load and balance, never a label on a person.

export const catalogue = {
  // — The two rounds. Fixed wording, identical every time (BRIEF point 1, seed 003:384-388).
  'round.since_last.title': { da: 'Siden sidst', en: 'Since last time' },
  'round.since_last.question': {
    da: 'Hvad er sket siden sidst – og hvordan er din balance lige nu?',
    en: 'What has happened since last time – and how is your balance right now?',
  },
  'round.take_away.title': { da: 'Hvad tager jeg med mig?', en: 'What do I take with me?' },
  'round.take_away.question': {
    da: 'Hvad tager du med dig fra i dag?',
    en: 'What do you take with you from today?',
  },
  'round.header': { da: 'Tjek-ind #{sequence} · {title}', en: 'Check-in #{sequence} · {title}' },
  'round.how_since_last': {
    da: 'Svar privat i formularen – dit svar kommer i tråden under dit navn. Du kan også melde pas; det tæller også som at være med.',
    en: 'Answer privately in the form – your answer appears in the thread under your name. You may also pass; that counts as taking part too.',
  },
  'round.how_take_away': {
    da: 'Det, du tager med dig, er privat, medmindre du vælger at dele det med gruppen. Du ser det igen ved næste Siden sidst.',
    en: 'What you take with you is private unless you choose to share it with the group. You will see it again at the next Since last time.',
  },
  'round.closed_note': { da: 'Runden er lukket.', en: 'This round is closed.' },
  'round.button.answer': { da: 'Svar', en: 'Answer' },
  'round.button.pass': { da: 'Meld pas', en: 'Pass' },
  'round.button.start_take_away': { da: 'Start afrundingen', en: 'Start the closing round' },
  'round.button.close_checkin': { da: 'Afslut tjek-ind', en: 'Close the check-in' },

  // — The private answer form.
  'form.answer.label': { da: 'Dit svar', en: 'Your answer' },
  'form.answer.hint': {
    da: 'Højst {max} tegn. Du kan rette dit svar, indtil runden lukker.',
    en: 'At most {max} characters. You can edit your answer until the round closes.',
  },
  'form.pass.label': { da: 'Jeg melder pas denne gang', en: 'I pass this time' },
  'form.share.label': { da: 'Del med gruppen', en: 'Share with the group' },
  'form.save': { da: 'Gem', en: 'Save' },
  'form.last_takeaway.title': {
    da: 'Det tog du med dig sidst (kun du kan se det)',
    en: 'What you took with you last time (only you can see this)',
  },

  // — Thread replies and replies to the person who answered.
  'thread.passed': { da: '{name} melder pas denne gang.', en: '{name} passes this time.' },
  'thread.took_private': {
    da: '{name} har taget noget med sig (privat).',
    en: '{name} is taking something along (private).',
  },
  'thread.edited': { da: '(rettet)', en: '(edited)' },
  'reply.answer_saved': { da: 'Tak – dit svar står i tråden.', en: 'Thank you – your answer is in the thread.' },
  'reply.answer_updated': { da: 'Dit svar er rettet i tråden.', en: 'Your answer has been updated in the thread.' },
  'reply.passed': {
    da: 'Du har meldt pas. Det tæller også som at være med.',
    en: 'You passed. That counts as taking part too.',
  },
  'reply.takeaway_private': {
    da: 'Gemt – kun til dig. Du ser det igen ved næste Siden sidst.',
    en: 'Saved – just for you. You will see it again at the next Since last time.',
  },
  'reply.takeaway_shared': {
    da: 'Gemt og delt med gruppen. Du ser det igen ved næste Siden sidst.',
    en: 'Saved and shared with the group. You will see it again at the next Since last time.',
  },

  // — Check-ins, from the facilitator's side.
  'checkin.started': {
    da: 'Tjek-ind #{sequence} er startet med runden Siden sidst. Når I er klar, skriv `tjekind afrunding`.',
    en: 'Check-in #{sequence} has started with the Since last time round. When you are ready, write `checkin closing`.',
  },
  'checkin.take_away_started': {
    da: 'Afrundingen er startet. Når alle har svaret, skriv `tjekind afslut`.',
    en: 'The closing round has started. When everyone has answered, write `checkin close`.',
  },
  'checkin.closed_reply': {
    da: 'Tjek-ind #{sequence} er afsluttet, og opsummeringen er sendt til gruppen.',
    en: 'Check-in #{sequence} is closed and the summary has been posted to the group.',
  },
  'summary.header': { da: 'Tjek-ind #{sequence} er afsluttet', en: 'Check-in #{sequence} is closed' },
  'summary.took_part': {
    da: 'Med i dag ({count} af {total}): {names}',
    en: 'Took part ({count} of {total}): {names}',
  },
  'summary.nobody': { da: 'Ingen var med denne gang.', en: 'No one took part this time.' },
  'summary.shared_title': { da: 'Delt med gruppen', en: 'Shared with the group' },
  'summary.nothing_shared': {
    da: 'Ingen delte det, de tager med sig, denne gang – det er helt i orden.',
    en: 'No one shared what they take with them this time – that is quite all right.',
  },
  'summary.thanks': { da: 'Tak for i dag.', en: 'Thank you for today.' },

  // — Participation and the facilitator's heads-up: counts, never content.
  'participation.header': {
    da: 'Deltagelse i {group} – de seneste {count} tjek-ind',
    en: 'Participation in {group} – the last {count} check-ins',
  },
  'participation.row': { da: 'med {present} af {total}', en: 'took part in {present} of {total}' },
  'participation.none': {
    da: 'Der er ingen afsluttede tjek-ind endnu.',
    en: 'There are no closed check-ins yet.',
  },
  'participation.note': {
    da: 'Kun antal – aldrig hvad nogen har skrevet.',
    en: 'Counts only – never what anyone wrote.',
  },
  'headsup.missed_two': {
    da: '{name} har ikke været med de seneste to tjek-ind i {group}. Måske er det en god idé at række ud – en kort, venlig besked er ofte nok.',
    en: '{name} has not taken part in the last two check-ins in {group}. It may be worth reaching out – a short, friendly word is often enough.',
  },

  // — Groups.
  'group.form.title': { da: 'Opret ledergruppe', en: 'Create a leadership group' },
  'group.form.name': { da: 'Gruppens navn', en: 'Group name' },
  'group.form.language': { da: 'Sprog', en: 'Language' },
  'group.form.time_zone': { da: 'Tidszone', en: 'Time zone' },
  'group.form.time_zone_hint': { da: 'Fx Europe/Copenhagen', en: 'For example Europe/Copenhagen' },
  'group.form.members': { da: 'Medlemmer', en: 'Members' },
  'group.form.create': { da: 'Opret', en: 'Create' },
  'group.created': {
    da: 'Gruppen {name} er oprettet, og du er facilitator. Start jeres første tjek-ind med `tjekind start` i gruppens kanal.',
    en: 'The group {name} is created and you are its facilitator. Start your first check-in with `checkin start` in the group channel.',
  },
  'group.welcome': {
    da: 'Velkommen til {name}. Her holder vi tjek-ind med to runder: Siden sidst og Hvad tager jeg med mig? Du svarer privat i en formular; det, du tager med dig, er privat, medmindre du deler det. Facilitator: {facilitators}. Medlemmer: {members}.',
    en: 'Welcome to {name}. Here we hold check-ins with two rounds: Since last time and What do I take with me? You answer privately in a form; what you take with you is private unless you share it. Facilitator: {facilitators}. Members: {members}.',
  },
  'group.add.title': { da: 'Tilføj medlemmer', en: 'Add members' },
  'group.add.submit': { da: 'Tilføj', en: 'Add' },
  'group.add.nobody': {
    da: 'Alle, jeg kender, er allerede med i gruppen.',
    en: 'Everyone I know is already in the group.',
  },
  'group.added': { da: '{names} er nu med i {group}. Velkommen!', en: '{names} joined {group}. Welcome!' },
  'group.remove.title': { da: 'Fjern medlemmer', en: 'Remove members' },
  'group.remove.submit': { da: 'Fjern', en: 'Remove' },
  'group.remove.nobody': { da: 'Der er ingen andre medlemmer at fjerne.', en: 'There are no other members to remove.' },
  'group.removed': { da: '{names} er ikke længere med i {group}.', en: '{names} left {group}.' },
  'group.form.members_follow': {
    da: 'Gruppens medlemmer følger samtalens medlemmer: {names}.',
    en: 'The group’s members follow the conversation’s members: {names}.',
  },
  'group.members_follow_conversation': {
    da: 'Her følger gruppen samtalens medlemmer. Inviter folk til kanalen, eller fjern dem fra den, så følger gruppen med.',
    en: 'Here the group follows the conversation’s members. Invite people to the channel, or remove them from it, and the group follows.',
  },
  'group.pick_none': { da: 'Vælg mindst én person.', en: 'Choose at least one person.' },
  'language.da': { da: 'Dansk', en: 'Danish' },
  'language.en': { da: 'Engelsk', en: 'English' },

  // — A person's own overview (Slack's App Home, `overblik` elsewhere).
  'home.header': { da: 'Dit overblik', en: 'Your overview' },
  'home.checkins_title': { da: 'Tjek-ind', en: 'Check-ins' },
  'home.open_checkin': {
    da: '*{group}*: tjek-ind #{sequence} er åben – runden {round}.',
    en: '*{group}*: check-in #{sequence} is open – the {round} round.',
  },
  'home.next_checkin': {
    da: '*{group}*: næste tjek-ind åbner {when}.',
    en: '*{group}*: the next check-in opens {when}.',
  },
  'home.answered': { da: 'Du har svaret. Du kan rette dit svar, indtil runden lukker.', en: 'You have answered. You can edit your answer until the round closes.' },
  'home.not_answered': { da: 'Du har ikke svaret endnu.', en: 'You have not answered yet.' },
  'home.no_open_checkin': {
    da: '*{group}*: ingen åben tjek-ind. Den næste åbner, når facilitatoren starter den.',
    en: '*{group}*: no open check-in. The next one opens when the facilitator starts it.',
  },
  'home.no_groups': {
    da: 'Du er ikke med i en ledergruppe endnu. Når du er med i en gruppes kanal, kan du se den her.',
    en: 'You are not in a leadership group yet. Once you are in a group’s channel, you will see it here.',
  },
  'home.takeaways_title': {
    da: 'Det har du taget med dig (kun du kan se det)',
    en: 'What you have taken with you (only you can see this)',
  },
  'home.takeaway_source': { da: '{group} · tjek-ind #{sequence}', en: '{group} · check-in #{sequence}' },
  'home.no_takeaways': { da: 'Intet endnu – det kommer efter jeres første afrunding.', en: 'Nothing yet – it comes after your first closing round.' },
  'home.facilitator_title': { da: 'Som facilitator', en: 'As facilitator' },

  // — A person's own choices of language and time zone.
  'prefs.shown': {
    da: 'Sprog: {language}. Tidszone: {zone}. Skift med `sprog en` eller `tidszone Europe/London`; `auto` følger igen din profil.',
    en: 'Language: {language}. Time zone: {zone}. Change with `language da` or `timezone Europe/London`; `auto` follows your profile again.',
  },
  'prefs.language_set': { da: 'Jeg skriver på dansk til dig fra nu af.', en: 'I will write to you in English from now on.' },
  'prefs.time_zone_set': { da: 'Din tidszone er nu {zone}.', en: 'Your time zone is now {zone}.' },
  'prefs.follow_profile': { da: 'Jeg følger igen din profil.', en: 'I follow your profile again.' },
  'prefs.unset': { da: 'fra din profil', en: 'from your profile' },

  // — A group's plan: when the check-in opens and closes by itself.
  'schedule.form.title': { da: 'Plan for tjek-ind', en: 'Check-in plan' },
  'schedule.form.preview': { da: 'Vis datoerne', en: 'Show the dates' },
  'schedule.form.intro': {
    da: 'Tiderne gælder i gruppens tidszone ({zone}). Du ser de næste datoer, før planen gemmes.',
    en: 'Times are in the group’s time zone ({zone}). You will see the next dates before the plan is saved.',
  },
  'schedule.form.open': { da: 'Tjek-ind åbner', en: 'The check-in opens' },
  'schedule.form.open_example': { da: 'hver mandag kl. 09:00', en: 'every Monday at 09:00' },
  'schedule.form.open_hint': {
    da: 'Fx “hver mandag kl. 9”, “hver anden mandag kl. 9”, “første tirsdag i måneden kl. 9” eller cron “0 9 * * 1”.',
    en: 'E.g. “every Monday 9:00”, “every other Monday 9:00”, “first Tuesday of the month 9:00” or cron “0 9 * * 1”.',
  },
  'schedule.form.close': { da: 'Tjek-ind lukker (valgfrit)', en: 'The check-in closes (optional)' },
  'schedule.form.close_hint': { da: 'Fx “fredag kl. 15”. Tomt: facilitatoren lukker.', en: 'E.g. “Friday 15:00”. Empty: the facilitator closes it.' },
  'schedule.form.holidays': { da: 'Spring danske helligdage over', en: 'Skip Danish public holidays' },
  'schedule.form.skip_days': { da: 'Andre fridage (valgfrit)', en: 'Other days off (optional)' },
  'schedule.form.skip_days_hint': { da: 'Datoer som 2026-12-24, adskilt af komma.', en: 'Dates such as 2026-12-24, separated by commas.' },
  'schedule.preview.header': { da: 'Plan for {group}', en: 'Plan for {group}' },
  'schedule.preview.closes': { da: 'lukker {when}', en: 'closes {when}' },
  'schedule.preview.next': { da: 'De næste gange', en: 'The next times' },
  'schedule.preview.save': { da: 'Gem planen', en: 'Save the plan' },
  'schedule.preview.note': {
    da: 'Tider i {zone}. Planen gælder først, når du trykker “Gem planen”.',
    en: 'Times in {zone}. The plan applies once you press “Save the plan”.',
  },
  'schedule.saved': { da: 'Planen er gemt: tjek-ind åbner {when}.', en: 'The plan is saved: the check-in opens {when}.' },
  'schedule.stopped': { da: 'Planen er stoppet. Tjek-ind åbner nu kun, når facilitatoren starter det.', en: 'The plan is stopped. Check-ins now open only when the facilitator starts them.' },
  'error.schedule_close_order': {
    da: 'Lukketiden skal komme efter åbningen og før næste åbning. Skriv fx “fredag kl. 15” til en mandagsåbning. Den gamle plan gælder stadig.',
    en: 'The closing time must come after the opening and before the next one. Write e.g. “Friday 15:00” for a Monday opening. The old plan still applies.',
  },
  'error.skip_day_invalid': {
    da: '“{value}” er ikke en dato. Skriv fx 2026-12-24.',
    en: '“{value}” is not a date. Write for example 2026-12-24.',
  },
  'error.no_scheduler': { da: 'Planlægning er slået fra her.', en: 'Scheduling is switched off here.' },

  // — A member's own reminders.
  'nudges.off': { da: 'Du får ingen påmindelser. Skriv `påmindelser normal` for at få dem igen.', en: 'You will get no reminders. Write `nudges normal` to get them again.' },
  'nudges.light': { da: 'Du får højst én stille påmindelse, sent i runden.', en: 'You will get at most one quiet reminder, late in the round.' },
  'nudges.normal': { da: 'Du får højst én påmindelse pr. runde, inden for din arbejdstid.', en: 'You will get at most one reminder per round, within your working hours.' },
  'pause.set': { da: 'Du får ingen påmindelser før {date}. Skriv `pause stop` for at slutte før.', en: 'You will get no reminders before {date}. Write `pause stop` to end it sooner.' },
  'pause.ended': { da: 'Din pause er slut.', en: 'Your pause has ended.' },
  'working_hours.set': { da: 'Påmindelser kommer kun mellem {start} og {end} på dine arbejdsdage.', en: 'Reminders come only between {start} and {end} on your working days.' },
  'error.nudge_level': { da: 'Skriv `påmindelser fra`, `påmindelser let` eller `påmindelser normal`.', en: 'Write `nudges off`, `nudges light` or `nudges normal`.' },
  'error.pause_date': { da: 'Skriv en dato i fremtiden, fx `pause til 2027-03-01`.', en: 'Write a date in the future, e.g. `pause until 2027-03-01`.' },
  'error.working_hours': { da: 'Skriv fx `arbejdstid 08:00-16:00 man-tor`.', en: 'Write e.g. `working hours 08:00-16:00 mon-thu`.' },

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

  // — The one gentle reminder per round (BRIEF point 3: gentle enough not to be muted).
  'nudge.text': {
    da: 'Runden {round} i {group} er stadig åben. Du kan svare her, når det passer dig – eller melde pas.',
    en: 'The {round} round in {group} is still open. You can answer here when it suits you – or pass.',
  },
  'nudge.footer': {
    da: 'Kun én påmindelse pr. runde. Skriv `påmindelser fra` for ingen, eller `pause til 2027-03-01`.',
    en: 'Only one reminder per round. Write `nudges off` for none, or `pause until 2027-03-01`.',
  },

  // — Words the platforms' own frames need (modal titles, buttons around the core's content).
  'platform.app_name': { da: 'Lederrum', en: 'Lederrum' },
  'platform.close': { da: 'Luk', en: 'Close' },
  'platform.loading': { da: 'Et øjeblik …', en: 'One moment …' },
  'platform.saving': {
    da: 'Jeg gemmer dit svar. Du kan lukke vinduet – du får besked, når det er gemt.',
    en: 'Saving your answer. You can close this window – you will hear from me when it is saved.',
  },
  'platform.open_form': { da: 'Åbn formularen', en: 'Open the form' },
  'platform.form_needs_button': {
    da: 'Tryk på knappen for at åbne formularen.',
    en: 'Press the button to open the form.',
  },
  'platform.saved_card_note': {
    da: 'Du kan rette dit svar med knappen i gruppen, indtil runden lukker.',
    en: 'You can edit your answer with the button in the group until the round closes.',
  },
  'platform.not_addressee': {
    da: 'Denne formular var til {name}. Tryk selv på knappen i gruppen for at få din egen.',
    en: 'This form was meant for {name}. Press the button in the group yourself to get your own.',
  },
  'platform.start_personal_chat': {
    da: '{names}: Lederrum kan ikke skrive privat til jer endnu. Åbn Lederrum under Apps i Teams og vælg Chat (eller skriv “hjælp” til Lederrum i en chat) – så kommer jeres formularer der.',
    en: '{names}: Lederrum cannot write to you privately yet. Open Lederrum under Apps in Teams and choose Chat (or write “help” to Lederrum in a chat) – your forms will arrive there.',
  },
  'platform.form_not_saved': {
    da: 'Det blev ikke gemt: {errors}\nDit svar var: {text}',
    en: 'It was not saved: {errors}\nYour answer was: {text}',
  },

  // — Help.
  'help.header': { da: 'Lederrum – tjek-ind for ledergrupper', en: 'Lederrum – check-ins for leadership groups' },
  'help.body': {
    da: '`gruppe opret` – opret en ledergruppe\n`gruppe tilføj` / `gruppe fjern` – tilføj eller fjern medlemmer (facilitator)\n`tjekind start` – åbn runden Siden sidst (facilitator)\n`tjekind afrunding` – åbn runden Hvad tager jeg med mig? (facilitator)\n`tjekind afslut` – afslut og send opsummeringen (facilitator)\n`deltagelse` – deltagelse pr. medlem, kun antal (facilitator)\n`overblik` – dine tjek-ind og det, du har taget med dig\n`sprog` / `tidszone` – dit sprog og din tidszone\n`hjælp` – denne oversigt',
    en: '`group create` – create a leadership group\n`group add` / `group remove` – add or remove members (facilitator)\n`checkin start` – open the Since last time round (facilitator)\n`checkin closing` – open the What do I take with me? round (facilitator)\n`checkin close` – close and post the summary (facilitator)\n`participation` – participation per member, counts only (facilitator)\n`overview` – your check-ins and what you have taken with you\n`language` / `timezone` – your language and time zone\n`help` – this overview',
  },
  'help.footer': {
    da: 'Kommandoerne virker på dansk og engelsk.',
    en: 'Commands work in Danish and English.',
  },

  // — Errors: what went wrong and what to do (ARCHITECTURE rule 8).
  'error.unknown_command': {
    da: 'Den kommando kender jeg ikke: “{text}”. Her er, hvad jeg kan:',
    en: 'I do not know that command: “{text}”. Here is what I can do:',
  },
  'error.no_group_here': {
    da: 'Her er ingen ledergruppe endnu. Opret en med `gruppe opret`.',
    en: 'There is no leadership group here yet. Create one with `group create`.',
  },
  'error.which_group': {
    da: 'Du er med i flere grupper. Skriv kommandoen i den gruppes kanal, du mener.',
    en: 'You are in several groups. Write the command in the channel of the group you mean.',
  },
  'error.no_groups': {
    da: 'Du er ikke med i nogen ledergruppe endnu. Bed en facilitator om at tilføje dig, eller opret en med `gruppe opret`.',
    en: 'You are not in a leadership group yet. Ask a facilitator to add you, or create one with `group create`.',
  },
  'error.group_exists': {
    da: 'Denne kanal er allerede gruppen {name}.',
    en: 'This channel is already the group {name}.',
  },
  'error.not_a_member': {
    da: 'Du er ikke med i {group}. Bed gruppens facilitator om at tilføje dig.',
    en: 'You are not a member of {group}. Ask the group’s facilitator to add you.',
  },
  'error.not_facilitator': {
    da: 'Det kan kun gruppens facilitator gøre ({facilitators}).',
    en: 'Only the group’s facilitator can do that ({facilitators}).',
  },
  'error.checkin_already_open': {
    da: 'Tjek-ind #{sequence} er stadig åben. Afslut den med `tjekind afslut`, før du starter en ny.',
    en: 'Check-in #{sequence} is still open. Close it with `checkin close` before starting a new one.',
  },
  'error.no_open_checkin': {
    da: 'Der er ingen åben tjek-ind. Start en med `tjekind start`.',
    en: 'There is no open check-in. Start one with `checkin start`.',
  },
  'error.take_away_already_open': {
    da: 'Afrundingen er allerede i gang. Afslut tjek-ind med `tjekind afslut`.',
    en: 'The closing round is already open. Close the check-in with `checkin close`.',
  },
  'error.round_closed': {
    da: 'Runden “{title}” er lukket, så jeg kan ikke gemme dit svar. Du er velkommen i næste runde.',
    en: 'The round “{title}” is closed, so I cannot save your answer. You are welcome in the next round.',
  },
  'error.answer_empty': {
    da: 'Skriv et svar – eller meld pas, hvis du ikke har noget i dag.',
    en: 'Write an answer – or pass if you have nothing today.',
  },
  'error.answer_too_long': {
    da: 'Dit svar er {length} tegn; der er plads til {max}. Forkort det lidt, så gemmer jeg det.',
    en: 'Your answer is {length} characters; there is room for {max}. Shorten it a little and I will save it.',
  },
  'error.answer_and_pass': {
    da: 'Skriv et svar eller meld pas – ikke begge dele.',
    en: 'Write an answer or pass – not both.',
  },
  'error.already_answered': {
    da: 'Du har allerede svaret. Tryk “Svar” for at rette dit svar.',
    en: 'You have already answered. Press “Answer” to edit your answer.',
  },
  'error.group_name_empty': { da: 'Giv gruppen et navn.', en: 'Give the group a name.' },
  'error.group_name_long': {
    da: 'Navnet må højst være {max} tegn.',
    en: 'The name can be at most {max} characters.',
  },
  'error.time_zone_unknown': {
    da: '“{value}” er ikke en tidszone, jeg kender. Skriv fx Europe/Copenhagen.',
    en: '“{value}” is not a time zone I know. Write for example Europe/Copenhagen.',
  },
  'error.schedule_invalid': {
    da: '“{value}” kan jeg ikke læse som et tidspunkt. Skriv både dag og klokkeslæt, fx “hver mandag kl. 9” eller “første tirsdag i måneden kl. 14” – eller et cron-udtryk med fem felter som “0 9 * * 1”.',
    en: '“{value}” is not a schedule I can read. Give both a day and a time, for example “every Monday at 9:00” or “first Tuesday of the month at 14:00” – or a cron expression with five fields such as “0 9 * * 1”.',
  },
  'error.language_unknown': { da: 'Vælg dansk eller engelsk.', en: 'Choose Danish or English.' },
  'error.not_found': {
    da: 'Det kunne jeg ikke finde – måske er det blevet slettet. Prøv igen fra gruppens kanal.',
    en: 'I could not find that – it may have been deleted. Try again from the group channel.',
  },
  'error.last_facilitator': {
    da: 'Gruppen skal have mindst én facilitator.',
    en: 'The group needs at least one facilitator.',
  },
  'error.not_in_conversation': {
    da: 'Lederrum er ikke med i samtalen længere, så beskeden kom ikke frem. Tilføj Lederrum igen (i Slack: `/invite @lederrum`), og prøv så igen. Intet gemt er gået tabt.',
    en: 'Lederrum is no longer in the conversation, so the message did not arrive. Add Lederrum again (in Slack: `/invite @lederrum`) and try again. Nothing saved is lost.',
  },
  'error.internal': {
    da: 'Noget gik galt hos mig. Intet, du har gemt, er gået tabt – prøv igen om lidt.',
    en: 'Something went wrong on my side. Nothing you saved is lost – please try again in a moment.',
  },
} as const satisfies Record<string, { da: string; en: string }>;

export type MessageKey = keyof typeof catalogue;
