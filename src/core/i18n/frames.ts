// Platform frames, help and errors.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5.

export const frameText = {
  // — Words the platforms' own frames need (modal titles, buttons around the core's content).
  'platform.app_name': { da: 'Lederrum', en: 'Lederrum' },
  'platform.close': { da: 'Luk', en: 'Close' },
  'platform.loading': { da: 'Et øjeblik …', en: 'One moment …' },
  'platform.required_text': { da: 'Skriv noget her – feltet skal udfyldes.', en: 'Please write something here – this field is required.' },
  'platform.required_choice': { da: 'Vælg en af mulighederne.', en: 'Please choose one of the options.' },
  'platform.required_choices': { da: 'Vælg mindst én af mulighederne.', en: 'Please choose at least one of the options.' },
  'platform.saving': {
    da: 'Jeg gemmer dit svar. Du kan lukke vinduet – du får besked, når det er gemt.',
    en: 'Saving your answer. You can close this window – you will hear from me when it is saved.',
  },
  'platform.busy': {
    da: 'Lederrum har travlt lige nu – prøv igen om et øjeblik.',
    en: 'Lederrum is busy right now – try again in a moment.',
  },
  'platform.busy_not_saved': {
    da: 'Lederrum har travlt lige nu, så dit svar blev ikke gemt. Prøv igen om et øjeblik.\nDit svar var: {text}',
    en: 'Lederrum is busy right now, so your answer was not saved. Try again in a moment.\nYour answer was: {text}',
  },
  'platform.open_form': { da: 'Åbn formularen', en: 'Open the form' },
  'platform.group_dm': {
    da: 'Lederrum kan ikke holde en ledergruppe i en gruppebesked. Opret en privat kanal til gruppen, inviter Lederrum med `/invite @lederrum`, og skriv `/lederrum` dér.',
    en: 'Lederrum cannot hold a leadership group in a group DM. Create a private channel for the group, invite Lederrum with `/invite @lederrum`, and write `/lederrum` there.',
  },
  'platform.form_needs_button': {
    da: 'Tryk på knappen for at åbne formularen.',
    en: 'Press the button to open the form.',
  },
  'platform.saved_card_note': {
    da: 'Du kan rette dit svar med knappen i gruppen, indtil runden lukker.',
    en: 'You can edit your answer with the button in the group until the round closes.',
  },
  'platform.clear_card': { da: 'Fjern mit resultat fra chatten', en: 'Remove my result from this chat' },
  'platform.clear_card_hint': {
    da: 'Lederrum gemmer ikke dit resultat, men Teams gemmer dette kort i din chat. Fjern det her, når du har læst det.',
    en: 'Lederrum does not keep your result, but Teams keeps this card in your chat. Remove it here once you have read it.',
  },
  'platform.cleared_card': {
    da: 'Dit resultat er fjernet fra chatten. Dine svar er gemt uden dit navn.',
    en: 'Your result has been removed from this chat. Your answers are saved without your name.',
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
  'help.role.member': { da: 'For alle', en: 'For everyone' },
  'help.role.facilitator': { da: 'For gruppens facilitator', en: 'For the group’s facilitator' },
  'help.role.hr': { da: 'For HR', en: 'For HR' },
  'help.role.admin': { da: 'For administratorer', en: 'For admins' },
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
    da: 'Dit svar er {length, plural, one {# tegn} other {# tegn}}; der er plads til {max, number}. Forkort det lidt, så gemmer jeg det.',
    en: 'Your answer is {length, plural, one {# character} other {# characters}}; there is room for {max, number}. Shorten it a little and I will save it.',
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
    da: 'Navnet må højst være {max, plural, one {# tegn} other {# tegn}}.',
    en: 'The name can be at most {max, plural, one {# character} other {# characters}}.',
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
  'error.not_yours': {
    da: 'Den knap eller formular er ikke din, eller den gælder ikke længere. Intet er ændret. Åbn den igen fra din egen liste eller fra gruppens kanal.',
    en: 'That button or form is not yours, or it is no longer valid. Nothing was changed. Open it again from your own list or from the group channel.',
  },
  'error.last_facilitator': {
    da: 'Gruppen skal have mindst én facilitator.',
    en: 'The group needs at least one facilitator.',
  },
  'error.not_in_conversation': {
    da: 'Lederrum er ikke med i samtalen længere, så beskeden kom ikke frem. Tilføj Lederrum igen (i Slack: `/invite @lederrum`), og prøv så igen. Intet gemt er gået tabt.',
    en: 'Lederrum is no longer in the conversation, so the message did not arrive. Add Lederrum again (in Slack: `/invite @lederrum`) and try again. Nothing saved is lost.',
  },
  'error.missing_permission': {
    da: 'Lederrum mangler en tilladelse til det her, fordi appen blev installeret før den kom til. Bed en administrator om at installere Lederrum igen (det beholder alt gemt), og prøv så igen.',
    en: 'Lederrum lacks a permission for this, because the app was installed before it was added. Ask an admin to install Lederrum again (everything saved is kept), then try again.',
  },
  'error.internal': {
    da: 'Noget gik galt hos mig. Intet, du har gemt, er gået tabt – prøv igen om lidt.',
    en: 'Something went wrong on my side. Nothing you saved is lost – please try again in a moment.',
  },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.help': { da: '`hjælp` – denne oversigt', en: '`help` – this overview' },
} as const satisfies Record<string, { da: string; en: string }>;
