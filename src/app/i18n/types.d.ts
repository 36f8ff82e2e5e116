import 'i18next';
import type { catalogues } from './catalogues';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof catalogues)['fr'];
  }
}
