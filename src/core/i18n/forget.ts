// Strings for issue 15 (forget). Danish and English side by side.
export const forgetText = {} as const satisfies Record<string, { da: string; en: string }>;
