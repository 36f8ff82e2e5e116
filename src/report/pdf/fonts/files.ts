// The PDF report's font files (subsets of pdfmake's Roboto, made by scripts/subset-pdf-fonts.ts),
// by the style pdfmake asks for. Bold is Roboto Medium, as pdfmake's own default.
export const PDF_FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
} as const;
