// The characters the PDF report's fonts keep (scripts/subset-pdf-fonts.ts cuts Roboto down to
// them): the full Roboto weighs 160 KB a style, these subsets a tenth of that. A character outside
// this set prints as an empty box in the PDF (the Word report uses the reader's fonts and is not
// limited), so the set covers what French reports need, not just what the code writes today. Only
// characters pdfmake's Roboto has: it has no U+202F narrow no-break space (./printable.ts prints
// it as U+00A0), no arrows and no Bambara ɛ ɔ ɲ (these printed as boxes with the full font too).

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const PDF_FONT_CODE_POINTS: readonly number[] = [
  ...range(0x20, 0x7e), // ASCII
  ...range(0xa0, 0xff), // Latin-1: é è à ç ô « » ° no-break space…
  ...range(0x100, 0x17f), // Latin Extended-A: œ Œ Ÿ, and the accents of names from elsewhere
  0x2007, // figure space
  0x2009, // thin space
  0x2010, // hyphen
  0x2011, // non-breaking hyphen
  0x2013, // – en dash
  0x2014, // — em dash
  0x2018, // ‘
  0x2019, // ’ the apostrophe of French typography
  0x201a, // ‚
  0x201c, // “
  0x201d, // ”
  0x201e, // „
  0x2022, // • bullet
  0x2026, // … ellipsis
  0x2030, // ‰
  0x2032, // ′ minutes (GPS)
  0x2033, // ″ seconds (GPS)
  0x2039, // ‹
  0x203a, // ›
  0x20ac, // €
  0x2116, // №
  0x2122, // ™
  0x2212, // − minus sign
  0x2264, // ≤
  0x2265, // ≥
];

export const PDF_FONT_CHARACTERS = String.fromCodePoint(...PDF_FONT_CODE_POINTS);
