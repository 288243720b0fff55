// The few words charts and their data tables need around the figures the caller gives them.
// Part of the catalogue (the core's own texts, i18n/catalogue.ts).

export const chartText = {
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
} as const satisfies Record<string, { da: string; en: string }>;
