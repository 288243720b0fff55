// HR's controls over a running poll (issue 14, point 6): close now, extend, cancel, and the live
// count of answers (a count only, never who). Part of the catalogue.

export const pollControlText = {
  'poll.status.cancelled': { da: 'Annulleret – svarene er slettet', en: 'Cancelled – the answers were deleted' },
  'poll.control.close': { da: 'Luk nu', en: 'Close now' },
  'poll.control.extend': { da: 'Forlæng', en: 'Extend' },
  'poll.control.cancel': { da: 'Annullér', en: 'Cancel' },
  'poll.control.count': { da: '{answered} af {invited} har svaret indtil nu.', en: '{answered} of {invited} have answered so far.' },
  // Below the threshold the number is not shown: at closing the same number would be hidden too.
  'poll.control.count_few': {
    da: 'Færre end {k} af {invited} har svaret indtil nu (antallet vises fra {k}).',
    en: 'Fewer than {k} of {invited} have answered so far (the number is shown from {k}).',
  },
  'poll.control.closed_now': {
    da: 'Målingen «{title}» er lukket nu. Resultaterne følger – med de samme skjulte tal som ved en almindelig lukning.',
    en: 'The poll «{title}» is closed now. The results follow – with the same hidden figures as at a normal closing.',
  },
  'poll.extend.title': { da: 'Forlæng målingen', en: 'Extend the poll' },
  'poll.extend.save': { da: 'Forlæng', en: 'Extend' },
  'poll.extend.intro': {
    da: '«{title}» lukker nu {closes}. De påmindelser, der mangler, fordeles over den nye tid – ingen får flere, end du valgte.',
    en: '«{title}» now closes {closes}. The reminders still to come are spread over the new time – nobody gets more than you chose.',
  },
  'poll.extend.closes': { da: 'Ny lukketid', en: 'New closing time' },
  'poll.extend.done': {
    da: 'Målingen «{title}» lukker nu {closes}. Deltagerne får ingen ekstra besked; de påmindelser, der mangler, kommer inden for den nye tid.',
    en: 'The poll «{title}» now closes {closes}. Participants get no extra message; the reminders still to come fall within the new time.',
  },
  'poll.cancel.confirm': {
    da: 'Vil du annullere «{title}»? Alle svar slettes, deltagerne får besked, og der kommer aldrig resultater. Det kan ikke fortrydes.',
    en: 'Cancel «{title}»? All answers are deleted, participants are told, and there will never be results. This cannot be undone.',
  },
  'poll.cancel.confirm_button': { da: 'Ja, annullér målingen', en: 'Yes, cancel the poll' },
  'poll.cancel.done': {
    da: 'Målingen «{title}» er annulleret. Svarene er slettet, deltagerne har fået besked, og der kommer ingen resultater.',
    en: 'The poll «{title}» is cancelled. The answers are deleted, participants have been told, and there will be no results.',
  },
  'poll.cancel.done_unopened': {
    da: 'Målingen «{title}» er annulleret, før den åbnede. Ingen blev inviteret.',
    en: 'The poll «{title}» is cancelled before it opened. Nobody was invited.',
  },
  'poll.cancelled_notice': {
    da: 'Målingen «{title}» er annulleret. Eventuelle svar er slettet, og der kommer ingen resultater. Tak for din tid.',
    en: 'The poll «{title}» has been cancelled. Any answers have been deleted, and there will be no results. Thank you for your time.',
  },

  'error.poll_cancelled': {
    da: 'Målingen er annulleret, så der kan ikke svares. Eventuelle svar er slettet.',
    en: 'The poll has been cancelled, so answers are not taken. Any answers have been deleted.',
  },
  'error.poll_is_cancelled': {
    da: 'Målingen er annulleret – dens svar er slettet, og der kommer aldrig resultater.',
    en: 'The poll is cancelled – its answers are deleted, and there will never be results.',
  },
  'error.poll_already_closed': {
    da: 'Målingen er allerede lukket. Resultaterne finder du under `målinger`.',
    en: 'The poll has already closed. The results are under `polls`.',
  },
  'error.poll_close_unopened': {
    da: 'Målingen er ikke åbnet endnu, så der er intet at lukke. Annullér den, hvis den ikke skal sendes.',
    en: 'The poll has not opened yet, so there is nothing to close. Cancel it if it should not be sent.',
  },
  'error.poll_extend_not_later': {
    da: 'Den nye lukketid skal ligge efter den nuværende ({closes}).',
    en: 'The new closing time must be after the current one ({closes}).',
  },
} as const satisfies Record<string, { da: string; en: string }>;
