// `min trivsel` / `my well-being` (issue 19, point 4): a leader's own WHO-5, privately.
// Part of the catalogue (catalogue.ts); wording follows BRIEF point 5: well-being and balance,
// never a label on the person and never a diagnosis. The bands' figures are those of seed
// 003:584-593 (Sundhedsstyrelsen's guide to WHO-5: the population's mean is 68, above 50 no
// immediate risk, 10 points a meaningful change) and of the index's manual (Topp et al. 2015,
// content/instruments/who5.yaml: 28 or below, talk to a doctor). Help is named generically: the
// seeds name no helpline, so none is named (and no number is invented), only the emergency number.

export const wellbeingText = {
  // — The view: a first-time intro, or the trend.
  'wellbeing.header': { da: 'Min trivsel', en: 'My well-being' },
  'wellbeing.intro': {
    da: 'Her kan du mærke efter, hvordan du har det, når du har lyst: fem korte udsagn om de sidste to uger (WHO-5 Trivselsindeks). Det tager et minut, og du får dit trivselsindeks fra 0 til 100 med det samme – og over tid din egen kurve.',
    en: 'Here you can check in with yourself whenever you like: five short statements about the last two weeks (the WHO-5 Well-Being Index). It takes a minute, and you get your well-being index from 0 to 100 at once – and over time your own trend.',
  },
  'wellbeing.private': {
    da: 'Kun du kan se det her – ikke HR, ikke din facilitator, ikke din gruppe – og det indgår ikke i nogen måling eller opgørelse. Det er med, når du skriver `mine data`, og `slet mine data` sletter det.',
    en: 'Only you can see this – not HR, not your facilitator, not your group – and it is part of no poll or summary. It is included when you write `my data`, and `delete my data` deletes it.',
  },
  'wellbeing.trend_title': { da: 'Din kurve (dato · trivselsindeks)', en: 'Your trend (date · well-being index)' },
  'wellbeing.trend_line': { da: '{date} · {index}', en: '{date} · {index}' },
  'wellbeing.change_up': { da: '↑ {delta} point – en tydelig ændring', en: '↑ {delta} points – a meaningful change' },
  'wellbeing.change_down': { da: '↓ {delta} point – en tydelig ændring', en: '↓ {delta} points – a meaningful change' },
  'wellbeing.norm_note': {
    da: 'Gennemsnittet i den danske befolkning er {mean}. En ændring på {change} point eller mere regnes for tydelig.',
    en: 'The Danish population’s average is {mean}. A change of {change} points or more counts as meaningful.',
  },
  'wellbeing.chart_title': { da: 'Din trivsel over tid (WHO-5)', en: 'Your well-being over time (WHO-5)' },
  'wellbeing.chart_date': { da: 'Dato', en: 'Date' },
  'wellbeing.latest': { da: 'Senest: {index} af 100 ({date}).', en: 'Latest: {index} out of 100 ({date}).' },
  'wellbeing.take_button': { da: 'Mærk efter nu (WHO-5)', en: 'Check in now (WHO-5)' },
  'wellbeing.reminder_on_button': { da: 'Mind mig om det én gang om måneden', en: 'Remind me once a month' },
  'wellbeing.reminder_off_button': { da: 'Slå den månedlige påmindelse fra', en: 'Turn off the monthly reminder' },
  'wellbeing.reminder_status': { da: 'Månedlig påmindelse: den {when}. Næste gang: {next}.', en: 'Monthly reminder: on the {when}. Next: {next}.' },

  // — The chart's own page (page.ts), behind a link that works for an hour.
  'wellbeing.chart_link': { da: 'Se din kurve: {link}', en: 'See your chart: {link}' },
  'wellbeing.chart_link_note': {
    da: 'Linket virker i en time (til {until}) for alle, der har det – det er dit, så send det ikke videre.',
    en: 'The link works for an hour (until {until}) for whoever has it – it is yours, don’t forward it.',
  },
  'wellbeing.page.subtitle': {
    da: 'Dit trivselsindeks (WHO-5) over tid, mod gennemsnittet i den danske befolkning.',
    en: 'Your well-being index (WHO-5) over time, against the Danish population’s average.',
  },
  'wellbeing.page.private': {
    da: 'Siden viser kun dine egne målinger. Den laves på ny, hver gang linket åbnes, og gemmes ingen steder. Hverken HR, din facilitator eller din gruppe kan se den.',
    en: 'This page shows only your own entries. It is made anew each time the link is opened and kept nowhere. Neither HR, your facilitator nor your group can see it.',
  },

  // — The bands, as a short legend and as what an index means.
  'wellbeing.legend_title': { da: 'Sådan kan du læse tallet', en: 'How to read the number' },
  'wellbeing.band.around_norm.short': { da: '68-100: omkring eller over gennemsnittet', en: '68-100: around or above the average' },
  'wellbeing.band.below_norm.short': { da: '50-67: lidt under gennemsnittet', en: '50-67: somewhat below the average' },
  'wellbeing.band.low.short': { da: '29-49: lavt – tal gerne med nogen', en: '29-49: low – worth talking to someone' },
  'wellbeing.band.very_low.short': { da: '0-28: meget lavt – tal med din læge', en: '0-28: very low – see your doctor' },
  'wellbeing.band.around_norm': {
    da: 'Det ligger omkring eller over gennemsnittet i den danske befolkning (68). Din trivsel ser ud til at være i god balance lige nu.',
    en: 'That is around or above the Danish population’s average (68). Your well-being seems to be in good balance right now.',
  },
  'wellbeing.band.below_norm': {
    da: 'Det ligger lidt under gennemsnittet i befolkningen (68), men over 50. Læg gerne mærke til, hvad der giver dig energi, og hvad der tager den.',
    en: 'That is somewhat below the population’s average (68), but above 50. It may help to notice what gives you energy and what takes it.',
  },
  'wellbeing.band.low': {
    da: 'Under 50 er et signal om at passe ekstra godt på din trivsel. Det kan være en god idé at tale med nogen om, hvad der fylder lige nu.',
    en: 'Below 50 is a signal to take extra care of your well-being. It is worth talking to someone about what is weighing on you right now.',
  },
  'wellbeing.band.very_low': {
    da: '28 eller derunder er et tydeligt signal. Vi anbefaler, at du taler med din læge om, hvordan du har det – gerne snart.',
    en: '28 or below is a clear signal. We suggest you talk with your doctor about how you are doing – preferably soon.',
  },

  // — Where to find help, when the index is low.
  'wellbeing.help_title': { da: 'Her kan du finde hjælp', en: 'Where to find help' },
  'wellbeing.help': {
    da: '• Din egen læge – også hvis du bare vil tale om, hvordan du har det.\n• Din arbejdsplads’ ordninger, fx psykologhjælp gennem en sundhedsforsikring eller en medarbejderrådgivning – spørg, hvad I har.\n• En, du har tillid til: en i din ledergruppe, din egen leder, familie eller venner.',
    en: '• Your own doctor – also if you just want to talk about how you are doing.\n• Your workplace’s arrangements, such as a psychologist through a health insurance or an employee assistance programme – ask what you have.\n• Someone you trust: someone in your leadership group, your own manager, family or friends.',
  },
  'wellbeing.help_urgent': {
    da: 'Har du brug for hjælp her og nu, så ring til din læge, lægevagten eller 112.',
    en: 'If you need help here and now, call your doctor, the out-of-hours doctor or 112.',
  },

  // — Taking it, and what comes back.
  'wellbeing.form_title': { da: 'Min trivsel (WHO-5)', en: 'My well-being (WHO-5)' },
  'wellbeing.form_submit': { da: 'Gem for mig selv', en: 'Save for myself' },
  'wellbeing.form_private': {
    da: 'Dine svar gemmes kun for dig og indgår ikke i nogen måling.',
    en: 'Your answers are saved for you alone and are part of no poll.',
  },
  'wellbeing.result_title': { da: 'Dit trivselsindeks: {index} af 100', en: 'Your well-being index: {index} out of 100' },
  'wellbeing.result_change': {
    da: 'Sidst var det {previous} ({date}).',
    en: 'Last time it was {previous} ({date}).',
  },

  // — The monthly reminder.
  'wellbeing.reminder_header': { da: 'Et øjeblik til dig selv', en: 'A moment for yourself' },
  'wellbeing.reminder_text': {
    da: 'Vil du tage et øjeblik til at mærke efter? Fem korte udsagn om de sidste to uger – kun for dig.',
    en: 'Would you like to take a moment to check in with yourself? Five short statements about the last two weeks – only for you.',
  },
  'wellbeing.reminder_footer': {
    da: 'Du får denne påmindelse én gang om måneden, fordi du har bedt om den. Hverken HR eller din facilitator ser, om du svarer.',
    en: 'You get this reminder once a month because you asked for it. Neither HR nor your facilitator sees whether you answer.',
  },
  'wellbeing.reminder_on': {
    da: 'Du får en stille påmindelse den {when} ({zone}). Næste gang: {next}. Du kan slå den fra med ét klik i påmindelsen eller med `min trivsel påmindelse fra`.',
    en: 'You will get a quiet reminder on the {when} ({zone}). Next: {next}. You can turn it off with one click in the reminder or with `my well-being reminder off`.',
  },
  'wellbeing.reminder_off': { da: 'Den månedlige påmindelse er slået fra.', en: 'The monthly reminder is turned off.' },

  // — Refusals.
  'wellbeing.private_only': {
    da: 'Din trivsel er kun for dig, så den hører ikke hjemme i en fælles kanal. Skriv `min trivsel` til Lederrum i jeres private chat.',
    en: 'Your well-being is yours alone, so it does not belong in a shared channel. Write `my well-being` to Lederrum in your private chat.',
  },
  'wellbeing.unavailable': {
    da: 'WHO-5 er ikke sat op her. Bed den, der driver Lederrum, om at tjekke content/instruments/who5.yaml.',
    en: 'WHO-5 is not set up here. Ask whoever runs Lederrum to check content/instruments/who5.yaml.',
  },

  // — Its line in `hjælp` / `help`.
  'help.wellbeing': {
    da: '`min trivsel` – mærk efter privat (WHO-5), se din egen kurve, og få en månedlig påmindelse, hvis du vil',
    en: '`my well-being` – check in privately (WHO-5), see your own trend, and get a monthly reminder if you like',
  },
} as const satisfies Record<string, { da: string; en: string }>;
