// What the archive import says once done, in plain French: how much arrived, not a ledger of
// "ajout(s)" and "mise(s) à jour".
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../../src/app/i18n/fr/report';
import { importResultText } from '../../../src/app/screens/report/archiveImportResult';

let t: TFunction<'report'>;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'fr', resources: { fr: { report } }, interpolation: { escapeValue: false } });
  t = i18n.getFixedT('fr', 'report') as unknown as TFunction<'report'>;
});

const outcome = { missionId: 'm1', missionTitle: 'Visite de terrain', added: 0, updated: 0, kept: 0, photosAdded: 0 };

describe('the archive import result', () => {
  it('says how many elements and photos a new mission brought', () => {
    expect(importResultText({ ...outcome, added: 21, photosAdded: 3 }, t)).toBe(
      'Mission « Visite de terrain » importée : 21 éléments, 3 photos.',
    );
    expect(importResultText({ ...outcome, added: 1, photosAdded: 1 }, t)).toBe(
      'Mission « Visite de terrain » importée : 1 élément, 1 photo.',
    );
    expect(importResultText({ ...outcome, added: 4 }, t)).toBe(
      'Mission « Visite de terrain » importée : 4 éléments, aucune photo.',
    );
  });

  it('says a mission already here is up to date when the archive brings nothing new', () => {
    expect(importResultText({ ...outcome, kept: 21 }, t)).toBe(
      'Mission « Visite de terrain » déjà à jour sur cet appareil : l’archive n’apporte rien de nouveau.',
    );
  });

  it('says what changed when the archive updates a mission already here', () => {
    expect(importResultText({ ...outcome, added: 2, updated: 1, kept: 18, photosAdded: 1 }, t)).toBe(
      'Mission « Visite de terrain » mise à jour : 2 éléments ajoutés, 1 modifié, 1 photo ajoutée ; 18 déjà à jour ou plus récents ici.',
    );
    expect(importResultText({ ...outcome, updated: 3, kept: 1 }, t)).toBe(
      'Mission « Visite de terrain » mise à jour : 3 modifiés ; 1 déjà à jour ou plus récent ici.',
    );
  });
});
