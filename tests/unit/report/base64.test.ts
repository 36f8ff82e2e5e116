// The PDF's image encoding gives the same text as the platform's Base64, for every length.
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src/report/pdf/common';

describe('toBase64', () => {
  it('matches Buffer’s Base64 for lengths 0 to 10 and a large random block', () => {
    for (let n = 0; n <= 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    const big = Uint8Array.from({ length: 300_001 }, (_, i) => (i * 2654435761) >>> 24);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
