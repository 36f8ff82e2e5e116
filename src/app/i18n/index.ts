// i18next set up once, synchronously, with the bundled catalogues: the app must render its first
// screen offline, so nothing here goes to the network; other namespaces come from lazy chunks
// (precached) as their screens open. The chosen language is kept in localStorage.
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY } from '../../shared/constants';
import {
  BUNDLED_NAMESPACES,
  bundledCatalogues,
  DEFAULT_LANGUAGE,
  LANGUAGES,
  type Language,
  loadCatalogue,
} from './catalogues';

function savedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return LANGUAGES.includes(value as Language) ? (value as Language) : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export const i18n = i18next.createInstance();
i18n
  .use(initReactI18next)
  .use(resourcesToBackend(loadCatalogue))
  .init({
    resources: bundledCatalogues,
    partialBundledLanguages: true,
    lng: savedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    defaultNS: 'common',
    ns: BUNDLED_NAMESPACES,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this session only.
  }
  document.documentElement.lang = language;
}

document.documentElement.lang = i18n.language;
