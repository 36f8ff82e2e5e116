// CSV files saved by Excel on a French Windows are often in Windows-1252, not UTF-8: read them as
// UTF-8 when they are valid UTF-8, otherwise as Windows-1252, so accents survive either way.

export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
