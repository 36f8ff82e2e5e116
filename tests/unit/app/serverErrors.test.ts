// Every error code the server can send has words in both languages, and the app picks them by code.
import { describe, expect, it, vi } from 'vitest';
import { sync as en } from '../../../src/app/i18n/en/sync';
import { sync as fr } from '../../../src/app/i18n/fr/sync';
import { errorMessages } from '../../../src/shared/errors';

describe('server error messages', () => {
  it('has a key for every server error code in French and English', () => {
    const codes = Object.keys(errorMessages).sort();
    expect(Object.keys(fr.serverErrors).sort()).toEqual(codes);
    expect(Object.keys(en.serverErrors).sort()).toEqual(codes);
    for (const code of codes) expect(en.serverErrors[code as keyof typeof errorMessages]).not.toBe('');
  });

  it('shows the English words in English, and the server message for an unknown code', async () => {
    // The app's i18next instance marks the page's language on <html>: a bare stand-in is enough here.
    vi.stubGlobal('document', { documentElement: {} });
    const { i18n } = await import('../../../src/app/i18n/index');
    const { serverErrorText } = await import('../../../src/app/i18n/serverErrors');
    await i18n.changeLanguage('en');
    expect(serverErrorText('wrong-credentials', errorMessages['wrong-credentials'])).toBe(
      'Wrong e-mail address or password.',
    );
    expect(serverErrorText('code-of-a-newer-server', 'Message du serveur.')).toBe('Message du serveur.');
    await i18n.changeLanguage('fr');
    expect(serverErrorText('too-many-attempts', 'x')).toBe(errorMessages['too-many-attempts']);
    vi.unstubAllGlobals();
  });
});
