// Anonymous pulse polls for HR (BRIEF "Anonymous pulse polls"): answer labels, the words of the
// result charts and the CSV export. Part of the catalogue; wording follows BRIEF point 5.
// A hidden number always says why, so HR learns the rule instead of guessing at the value.

export const pollText = {
  'poll.agree5.1': { da: 'Helt uenig', en: 'Strongly disagree' },
  'poll.agree5.2': { da: 'Uenig', en: 'Disagree' },
  'poll.agree5.3': { da: 'Hverken enig eller uenig', en: 'Neither agree nor disagree' },
  'poll.agree5.4': { da: 'Enig', en: 'Agree' },
  'poll.agree5.5': { da: 'Helt enig', en: 'Strongly agree' },
  'poll.hidden.too_few': { da: '– (skjult: færre end {k})', en: '– (hidden: fewer than {k})' },
  // Said of a count in a row of k or more whatever its size, so it must not hint at the size.
  'poll.hidden.protects_other': {
    da: '– (skjult for at beskytte enkeltes svar)',
    en: '– (hidden to protect individual answers)',
  },
  // Says only that some released poll is too close, not which one nor by how much.
  'poll.hidden.across_polls': {
    da: '– (skjult: kunne regnes ud ved at trække en anden måling fra)',
    en: '– (hidden: could be worked out by subtracting another poll)',
  },
  'poll.chart.answered': { da: '{count} svar', en: '{count, plural, one {# answer} other {# answers}}' },
  'poll.chart.answered_hidden': { da: 'Antal svar skjult', en: 'Number of answers hidden' },
  'poll.chart.mean': { da: 'Gennemsnit: {mean}', en: 'Mean: {mean}' },
  'poll.csv.group': { da: 'Gruppe', en: 'Group' },
  'poll.csv.question': { da: 'Spørgsmål', en: 'Question' },
  'poll.csv.option': { da: 'Svarmulighed', en: 'Option' },
  'poll.csv.count': { da: 'Antal', en: 'Count' },
  'poll.csv.share': { da: 'Andel (%)', en: 'Share (%)' },
  'poll.csv.mean': { da: 'Gennemsnit', en: 'Mean' },
  'poll.csv.total': { da: 'Alle', en: 'All' },
  'poll.csv.responded': { da: 'Svarede', en: 'Responded' },
  'poll.csv.all_answers': { da: 'Alle svar', en: 'All answers' },
  'poll.csv.score': { da: 'Score', en: 'Score' },
  'poll.csv.flagged': { da: 'Over grænsen', en: 'Beyond the threshold' },
} as const satisfies Record<string, { da: string; en: string }>;

export type PollKey = keyof typeof pollText;
