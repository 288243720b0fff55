// Pulse polls from HR's and the respondent's side: the poll form, the invitation that
// says plainly what is anonymous and what is not, answering and one's own score. Results and
// charts are in polls.ts. Load and balance, never a label on a person (BRIEF point 5).

export const pollFlowText = {
  'poll.form.title': { da: 'Ny måling', en: 'New poll' },
  'poll.form.save': { da: 'Planlæg målingen', en: 'Schedule the poll' },
  'poll.form.intro': {
    da: 'Svarene gemmes uden navn, og du ser kun samlede tal efter lukning – aldrig et tal for færre end tærsklen.',
    en: 'Answers are stored without names, and you see only aggregated figures after closing – never a figure for fewer than the threshold.',
  },
  'poll.form.name': { da: 'Navn på målingen', en: 'Name of the poll' },
  'poll.form.template': { da: 'Skabelon', en: 'Template' },
  'poll.form.own': { da: 'Egne spørgsmål', en: 'Own questions' },
  'poll.form.questions': { da: 'Egne spørgsmål (ét pr. linje)', en: 'Own questions (one per line)' },
  'poll.form.questions_hint': {
    da: '"enig: Jeg har indflydelse på mit arbejde", "0-10: Hvor travlt har du haft det?", "valg: Bedste mødedag | man | ons | fre", "tekst: Hvad vil du sige til HR?"',
    en: '"agree: I have influence over my work", "0-10: How busy have you been?", "choice: Best meeting day | Mon | Wed | Fri", "text: What would you tell HR?"',
  },
  'poll.form.audience': { da: 'Til hvilke grupper', en: 'To which groups' },
  'poll.form.this_channel': { da: 'Medlemmerne af denne kanal ({name})', en: 'The members of this channel ({name})' },
  'poll.form.opens': { da: 'Åbner', en: 'Opens' },
  'poll.form.opens_default': { da: 'nu', en: 'now' },
  'poll.form.closes': { da: 'Lukker', en: 'Closes' },
  'poll.form.closes_default': { da: 'om 1 uge', en: 'in 1 week' },
  'poll.form.when_hint': { da: 'Fx "nu", "i morgen kl. 9", "1. december 14:00" eller "om 1 uge".', en: 'E.g. "now", "tomorrow at 9", "December 1 14:00" or "in 1 week".' },
  'poll.form.reminders': { da: 'Påmindelser til dem, der ikke har svaret', en: 'Reminders to those who have not answered' },
  'poll.form.threshold': { da: 'Mindste antal svar bag et tal', en: 'Fewest answers behind any figure' },
  'poll.form.continues': { da: 'Ny bølge af', en: 'New wave of' },
  'poll.form.new_series': { da: 'Ingen – en ny måling', en: 'None – a new poll' },
  'poll.form.share': { da: 'Vis også resultaterne for grupperne efter lukning', en: 'Also show the results to the groups after closing' },
  'poll.wave': { da: 'bølge {wave}', en: 'wave {wave}' },
  'poll.created': {
    da: 'Målingen «{title}» går til {count, plural, one {# person} other {# personer}}. Den åbner {opens} og lukker {closes}, med {reminders, plural, =0 {ingen påmindelser} one {# påmindelse} other {# påmindelser}}. Intet tal vises for færre end {threshold, plural, one {# svar} other {# svar}}.',
    en: 'The poll «{title}» goes to {count, plural, one {# person} other {# people}}. It opens {opens} and closes {closes}, with {reminders, plural, =0 {no reminders} one {# reminder} other {# reminders}}. No figure is shown for fewer than {threshold, plural, one {# answer} other {# answers}}.',
  },

  'poll.invitation_header': { da: 'Kort måling: {title}', en: 'Short poll: {title}' },
  'poll.reminder_header': { da: 'Påmindelse – kort måling: {title}', en: 'Reminder – short poll: {title}' },
  'poll.invitation': { da: 'Det tager et par minutter. Målingen lukker {closes}.', en: 'It takes a couple of minutes. The poll closes {closes}.' },
  'poll.anonymous_title': { da: 'Det her er anonymt', en: 'What is anonymous' },
  'poll.anonymous': {
    da: 'Dine svar gemmes uden dit navn og uden tidspunkt. De er fortrolige, ikke anonyme, indtil de er blandet med andres svar – i en portion på mindst {k} svar, eller senest når målingen lukker. Derefter er der intet i databasen, der fører dem tilbage til dig. HR ser kun samlede tal efter lukning, og aldrig et tal bag færre end {k, plural, one {# svar} other {# svar}}.',
    en: 'Your answers are stored without your name and without a time. They are confidential, not anonymous, until they have been mixed with other answers – in a batch of at least {k}, or at the latest when the poll closes. After that, nothing in the database leads back to you. HR sees only aggregated figures after closing, never a figure behind fewer than {k, plural, one {# answer} other {# answers}}.',
  },
  'poll.not_anonymous_title': { da: 'Det her er ikke anonymt', en: 'What is not anonymous' },
  'poll.not_anonymous': {
    da: 'Lederrum ved, at du er inviteret, og om du har svaret – så du kun kan svare én gang og kun får påmindelser, hvis du mangler. HR ser kun, hvor mange der har svaret. Den, der driver Lederrums database, kunne mens målingen kører følge svarene komme ind, og databasens transaktionslog (WAL) gemmer spor af hver skrivning, indtil den genbruges.',
    en: "Lederrum knows that you were invited and whether you have answered – so you can answer only once and are reminded only if you have not. HR sees only how many have answered. Whoever runs the Lederrum database could watch answers arrive while the poll runs, and the database's write-ahead log keeps traces of each write until it is recycled.",
  },
  'poll.answer_button': { da: 'Svar', en: 'Answer' },
  'poll.submit': { da: 'Send mine svar', en: 'Send my answers' },
  'poll.choose': { da: 'Vælg et svar', en: 'Choose an answer' },
  'poll.required.all': { da: 'Alle spørgsmål skal besvares. Intet er valgt på forhånd.', en: 'Every question needs an answer. Nothing is chosen for you.' },
  'poll.required.own': {
    da: 'Spørgsmål med svarmuligheder skal besvares; fritekst er valgfri. Intet er valgt på forhånd.',
    en: 'Questions with answer options need an answer; free text is optional. Nothing is chosen for you.',
  },
  'poll.optional_hint': { da: 'Valgfrit – du kan lade feltet stå tomt.', en: 'Optional – you may leave it empty.' },
  'poll.thanks': { da: 'Tak – dine svar er gemt uden dit navn.', en: 'Thank you – your answers are saved without your name.' },
  'poll.own_score_title': { da: 'Dit eget resultat', en: 'Your own result' },
  'poll.own_score.who5': { da: 'Dit trivselsindeks (WHO-5) er {score} af 100.', en: 'Your well-being index (WHO-5) is {score} out of 100.' },
  'poll.own_score.pss10': { da: 'Din score på PSS-10 er {score} af 40.', en: 'Your PSS-10 score is {score} out of 40.' },
  'poll.own_score.mean': { da: 'Dit gennemsnit er {score}.', en: 'Your average is {score}.' },
  'poll.own_score_private': { da: 'Kun du ser dette. Det gemmes ikke sammen med dig.', en: 'Only you see this. It is not stored with you.' },
  'poll.closed_for_hr': { da: 'Målingen «{title}» er lukket. Resultaterne er klar.', en: 'The poll «{title}» has closed. The results are ready.' },
  'poll.results_button': { da: 'Se resultaterne', en: 'See the results' },

  'poll.list.header': { da: 'Målinger', en: 'Polls' },
  'poll.list.none': { da: 'Ingen målinger endnu. Skriv `måling` for at lave en.', en: 'No polls yet. Write `poll` to make one.' },
  'poll.status.scheduled': { da: 'Planlagt', en: 'Scheduled' },
  'poll.status.open': { da: 'Åben – resultater efter lukning', en: 'Open – results after closing' },
  'poll.status.closed': { da: 'Lukket – resultaterne er klar', en: 'Closed – the results are ready' },
  'poll.csv_button': { da: 'Hent som CSV', en: 'Download as CSV' },
  'poll.csv.note': { da: 'Kun samlede tal – de samme som i diagrammerne, med de samme skjulte felter.', en: 'Aggregates only – the same as in the charts, with the same hidden cells.' },
  // Honest about the link: it is the permission, so anyone who has it can open it until it expires.
  'poll.csv.link': {
    da: 'Hent filen: {link}\nAlle, der har linket, kan hente filen indtil {until}. Send det ikke videre – bed hellere Lederrum om et nyt.',
    en: 'Download the file: {link}\nAnyone who has the link can download the file until {until}. Do not forward it – ask Lederrum for a new one instead.',
  },
  'poll.results.header': { da: 'Resultater: {title} (bølge {wave})', en: 'Results: {title} (wave {wave})' },
  'poll.results.rate': { da: '{responded} af {invited} har svaret ({rate}).', en: '{responded} of {invited} answered ({rate}).' },
  'poll.results.mean_who5': {
    da: 'Gennemsnitligt trivselsindeks: {mean} af 100 (befolkningen: 68; under 50 er et signal).',
    en: 'Mean well-being index: {mean} of 100 (population: 68; below 50 is a signal).',
  },
  'poll.results.flagged_who5': { da: 'Andel under 50: {share}', en: 'Share below 50: {share}' },
  'poll.results.mean_pss10': {
    da: 'Gennemsnitlig PSS-10-score: {mean} af 40 (befolkningen: 11; 18 eller derover er et højt belastningsniveau).',
    en: 'Mean PSS-10 score: {mean} of 40 (population: 11; 18 or more is a high level of load).',
  },
  'poll.results.flagged_pss10': { da: 'Andel med 18 eller derover: {share}', en: 'Share at 18 or more: {share}' },
  'poll.results.change': { da: 'Siden sidste bølge: {delta} (var {previous}).', en: 'Since the last wave: {delta} (was {previous}).' },
  'poll.results.change_meaningful': { da: 'Siden sidste bølge: {delta} (var {previous}) – en betydelig ændring.', en: 'Since the last wave: {delta} (was {previous}) – a meaningful change.' },
  'poll.results.footer': {
    da: 'Intet tal bygger på færre end {k, plural, one {# svar} other {# svar}}, og intet skjult tal kan regnes ud af de viste.',
    en: 'No figure rests on fewer than {k, plural, one {# answer} other {# answers}}, and no hidden figure can be worked out from those shown.',
  },
  'poll.results.others': { da: 'Øvrige (små grupper)', en: 'Others (small groups)' },

  'error.not_hr': {
    da: 'Kun HR kan sende målinger og se resultater. En administrator giver rollen med `hr tildel`.',
    en: 'Only HR can send polls and see results. An admin grants the role with `hr grant`.',
  },
  'error.poll_title': { da: 'Giv målingen et navn.', en: 'Give the poll a name.' },
  'error.poll_template': { da: 'Vælg en skabelon eller "Egne spørgsmål".', en: 'Choose a template or "Own questions".' },
  'error.poll_no_questions': {
    da: 'Målingen har ingen spørgsmål. Skriv mindst ét spørgsmål, ét pr. linje – eller vælg en skabelon.',
    en: 'The poll has no questions. Write at least one question, one per line – or choose a template.',
  },
  'error.poll_too_many_questions': {
    da: 'Højst {max, plural, one {# spørgsmål} other {# spørgsmål}} – en pulsmåling skal være kort.',
    en: 'At most {max, plural, one {# question} other {# questions}} – a pulse poll should be short.',
  },
  'error.poll_choice': {
    da: 'Linje {line}: et valg-spørgsmål skal have et spørgsmål og 2-8 svar, fx "valg: Bedste dag | man | ons".',
    en: 'Line {line}: a choice question needs a question and 2-8 options, e.g. "choice: Best day | Mon | Wed".',
  },
  'error.poll_question_empty': { da: 'Linje {line} har intet spørgsmål efter kolonet.', en: 'Line {line} has no question after the colon.' },
  'error.poll_no_audience': { da: 'Vælg mindst én gruppe.', en: 'Choose at least one group.' },
  'error.poll_no_groups': {
    da: 'Der er ingen grupper at sende en måling til endnu. Opret en gruppe først: skriv `gruppe opret` til Lederrum i gruppens kanal. Så kan du sende målingen til den.',
    en: 'There are no groups to send a poll to yet. Create a group first: write `group create` to Lederrum in the group’s channel. Then you can send the poll to it.',
  },
  'error.poll_too_small': {
    da: 'Målingen ville gå til {count, plural, one {# person} other {# personer}}, men tærsklen er {threshold}. Så små grupper kan ikke være anonyme – vælg flere grupper.',
    en: 'The poll would reach {count, plural, one {# person} other {# people}}, but the threshold is {threshold}. Groups that small cannot be anonymous – choose more groups.',
  },
  'error.poll_when': {
    da: 'Jeg kan ikke læse "{value}" som et tidspunkt. Skriv fx "i morgen kl. 9" eller "om 1 uge".',
    en: 'I cannot read "{value}" as a time. Write e.g. "tomorrow at 9" or "in 1 week".',
  },
  'error.poll_when_past': { da: '"{value}" er allerede passeret. Vælg et senere tidspunkt, eller "nu".', en: '"{value}" has already passed. Choose a later time, or "now".' },
  'error.poll_close_order': { da: 'Målingen skal lukke efter, at den åbner.', en: 'The poll must close after it opens.' },
  'error.poll_closed': { da: 'Målingen er lukket, så der kan ikke svares længere. Tak for interessen.', en: 'The poll has closed, so answers are no longer taken. Thank you for your interest.' },
  'error.poll_not_open': { da: 'Målingen er ikke åbnet endnu. Du får en besked, når den åbner.', en: 'The poll has not opened yet. You will get a message when it opens.' },
  'error.poll_not_invited': { da: 'Du er ikke inviteret til denne måling.', en: 'You are not invited to this poll.' },
  'error.poll_already_answered': { da: 'Du har allerede svaret på denne måling – én gang pr. person. Tak!', en: 'You have already answered this poll – once per person. Thank you!' },
  'error.poll_missing': { da: 'Spørgsmål {n} mangler et svar. Dine andre svar står der stadig.', en: 'Question {n} needs an answer. Your other answers are still there.' },
  'error.poll_out_of_scale': { da: '"{value}" er ikke et af svarene. Vælg et af dem på listen.', en: '"{value}" is not one of the answers. Choose one from the list.' },
  'error.poll_results_not_yet': { da: 'Resultaterne vises først, når målingen er lukket ({closes}).', en: 'Results are shown only once the poll has closed ({closes}).' },

  // — Its lines in `hjælp` / `help` (one per command that has one, in the feature list's order).
  'help.polls': { da: '`måling` / `målinger` – anonyme pulsmålinger', en: '`poll` / `polls` – anonymous pulse polls' },
  'help.hr': {
    da: '`hr tildel @Navn` / `hr fjern @Navn` – giv eller fjern HR-rollen; `hr tildel` alene giver en liste at vælge fra',
    en: '`hr grant @Name` / `hr revoke @Name` – give or take the HR role; `hr grant` alone offers a list to choose from',
  },
} as const satisfies Record<string, { da: string; en: string }>;
