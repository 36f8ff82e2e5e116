import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../../src/shared/participants/decode';
import { normaliseEmail } from '../../../../src/shared/participants/email';
import { formatPhone, normalisePhone } from '../../../../src/shared/participants/phone';

describe('phone numbers', () => {
  it.each([
    ['76 23 65 80', '+22376236580'],
    ['76236580', '+22376236580'],
    ['+223 76 23 65 80', '+22376236580'],
    ['00223 76 23 65 80', '+22376236580'],
    ['76-23-65-80', '+22376236580'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['', ''],
  ])('reads %j as %j', (input, expected) => {
    expect(normalisePhone(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['76 23 65', '06 12 34 56 78', '76 23 65 80 / 66 12 34 56', 'néant', '[téléphone]'])(
    'refuses %j',
    (input) => {
      expect(normalisePhone(input)).toEqual({ ok: false, error: 'phone-invalid' });
    },
  );

  it('shows a stored number grouped as Malians write it', () => {
    expect(formatPhone('+22376236580')).toBe('+223 76 23 65 80');
    expect(formatPhone('')).toBe('');
  });
});

describe('e-mail addresses', () => {
  it('trims, removes mailto: and lower-cases', () => {
    expect(normaliseEmail(' mailto:Awa.Teste@Example.ORG ')).toEqual({ ok: true, value: 'awa.teste@example.org' });
  });

  it.each(['awa.teste@example', 'awa teste@example.org', 'awa@@example.org', 'a@example.org; b@example.org', 'awa'])(
    'refuses %j',
    (input) => {
      expect(normaliseEmail(input)).toEqual({ ok: false, error: 'email-invalid' });
    },
  );
});

describe('CSV file bytes', () => {
  it('reads UTF-8, and Windows-1252 from an old Excel, with their accents', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Chargée;Ségou'))).toBe('Chargée;Ségou');
    expect(decodeCsvBytes(Uint8Array.from([0x43, 0x68, 0x61, 0x72, 0x67, 0xe9, 0x65]))).toBe('Chargée');
  });
});
