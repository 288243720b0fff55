// The few words charts and their data tables need around the figures the caller gives them, and
// the frame of every report page (its footer, the page a link that no longer works gets).
// Part of the catalogue (the core's own texts, i18n/catalogue.ts).

export const reportText = {
  'chart.head.when': { da: 'Tidspunkt', en: 'When' },
  'chart.head.value': { da: 'Værdi', en: 'Value' },
  'chart.head.value_unit': { da: 'Værdi ({unit})', en: 'Value ({unit})' },
  'chart.head.note': { da: 'Bemærkning', en: 'Note' },
  'chart.head.option': { da: 'Svarmulighed', en: 'Option' },
  'chart.head.count': { da: 'Antal', en: 'Count' },
  'chart.head.share': { da: 'Andel', en: 'Share' },
  'chart.head.total': { da: 'I alt', en: 'Total' },
  'chart.marked': { da: 'Betydelig ændring', en: 'Meaningful change' },
  'chart.hidden': { da: 'Skjult', en: 'Hidden' },
  'chart.empty': { da: 'Ingen tal endnu', en: 'No figures yet' },
  'report.table_note': { da: 'Tallene i diagrammet', en: 'The figures in the chart' },
  'report.made': { da: 'Lavet af Lederrum {when}.', en: 'Made by Lederrum {when}.' },
  'report.link_until': {
    da: 'Alle, der har linket til denne side, kan åbne den indtil {until}. Send det ikke videre.',
    en: 'Anyone who has the link to this page can open it until {until}. Do not forward it.',
  },
  'report.link_warning': {
    da: 'Alle, der har linket, kan åbne siden indtil {until}. Send det ikke videre – bed hellere Lederrum om et nyt.',
    en: 'Anyone who has the link can open the page until {until}. Do not forward it – ask Lederrum for a new one instead.',
  },
  'report.refused.title': { da: 'Linket virker ikke', en: 'This link does not work' },
  'report.refused.text': {
    da: 'Linket er forkert, eller du har ikke længere adgang til siden. Bed Lederrum om et nyt link i chatten.',
    en: 'The link is wrong, or you no longer have access to the page. Ask Lederrum for a new link in the chat.',
  },
  'report.expired.title': { da: 'Linket er udløbet', en: 'This link has expired' },
  'report.expired.text': {
    da: 'Links til rapporter virker kun en begrænset tid. Bed Lederrum om et nyt link i chatten.',
    en: 'Links to reports work for a limited time only. Ask Lederrum for a new link in the chat.',
  },
  'report.failed.title': { da: 'Noget gik galt', en: 'Something went wrong' },
  'report.failed.text': { da: 'Rapporten kunne ikke vises lige nu. Prøv igen om et øjeblik.', en: 'The report could not be shown right now. Try again in a moment.' },
} as const satisfies Record<string, { da: string; en: string }>;
