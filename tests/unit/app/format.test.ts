// The app's display formats for French readers: decimals with a comma, as the forms ask to type them.
import { describe, expect, it } from 'vitest';
import { formatCoordinate, formatPosition } from '../../../src/app/format';

describe('GPS coordinates on screen', () => {
  it('writes a coordinate with a decimal comma and five decimals (about a metre)', () => {
    expect(formatCoordinate(15.0019)).toBe('15,00190');
    expect(formatCoordinate(-4.18271234)).toBe('-4,18271');
    expect(formatCoordinate(0)).toBe('0,00000');
  });

  it('separates latitude and longitude with a semicolon, since each already holds a comma', () => {
    expect(formatPosition(15.0019, -2.9498)).toBe('15,00190\u00a0; -2,94980');
  });
});
