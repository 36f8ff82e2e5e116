// The tables the spreadsheets export, by name (light: the export screen lists them).
export const SHEET_NAMES = ['notes', 'achievements', 'participants', 'actionPoints'] as const;
export type SheetName = (typeof SHEET_NAMES)[number];
