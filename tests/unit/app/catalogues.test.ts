import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../src/app/i18n/catalogues';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the translation catalogues', () => {
  it('has the same keys in English as in French', () => {
    expect(keys(catalogues.en).sort()).toEqual(keys(catalogues.fr).sort());
  });

  it('has no empty string', () => {
    for (const language of Object.values(catalogues)) {
      for (const key of keys(language)) {
        const value = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], language);
        expect(value, key).not.toBe('');
      }
    }
  });
});
