// Strings for issue 15 (retention). Danish and English side by side.
export const retentionText = {} as const satisfies Record<string, { da: string; en: string }>;
