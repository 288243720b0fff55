// Strings for issue 15 (my-data). Danish and English side by side.
export const myDataText = {} as const satisfies Record<string, { da: string; en: string }>;
