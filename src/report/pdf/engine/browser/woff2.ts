// `brotli/decompress` for fontkit: only WOFF2 fonts need it, and the report's fonts are TrueType
// (src/report/pdf/fonts/*.ttf). A WOFF2 font given to the engine fails with this error rather than
// ship a brotli decoder (133 KB) that nothing uses.
export class Woff2FontUnsupportedError extends Error {
  constructor() {
    super('pdf-woff2-font-unsupported: the PDF engine reads TrueType fonts only');
    this.name = 'Woff2FontUnsupportedError';
  }
}

export default function decompress(): never {
  throw new Woff2FontUnsupportedError();
}
