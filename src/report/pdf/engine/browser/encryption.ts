// PDFKit imports AES (@noble/ciphers) and SHA-256 (@noble/hashes) for password-protected PDFs
// only; the report never sets a password, so PDFSecurity.create returns null before any of these
// is reached. MD5 (js-md5) stays: PDFKit hashes every document's info into its file ID with it.
export class PdfEncryptionUnsupportedError extends Error {
  constructor() {
    super('pdf-encryption-unsupported: the report is not password-protected');
    this.name = 'PdfEncryptionUnsupportedError';
  }
}

const unsupported = (): never => {
  throw new PdfEncryptionUnsupportedError();
};

export const cbc = unsupported;
export const ecb = unsupported;
export const sha256 = unsupported;
export const concatBytes = unsupported;
