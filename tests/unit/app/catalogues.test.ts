import { describe, expect, it } from 'vitest';

// Every catalogue file of every language, as the app may load it.
const files = import.meta.glob<Record<string, object>>('../../../src/app/i18n/*/*.ts', { eager: true });
const catalogues: Record<string, Record<string, object>> = {};
for (const [file, module] of Object.entries(files)) {
  const [, language, namespace] = /\/i18n\/(\w+)\/(\w+)\.ts$/.exec(file) ?? [];
  catalogues[language] ??= {};
  catalogues[language][namespace] = module[namespace];
}

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the translation catalogues', () => {
  it('has every namespace in both languages', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['en', 'fr']);
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.fr).sort());
    expect(Object.keys(catalogues.fr).length).toBeGreaterThan(10);
  });

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
