// The Word and PDF reports of the demo mission (three communes, six photos), read back.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../../src/report/docx';
import { buildPdf } from '../../../src/report/pdf';
import { DEMO_CAPTIONS, demoBundle, demoMission, sha256Hex } from '../../fixtures/reportBundle';
import { nodeRasterizer } from './nodeCanvas';
import { countPdfImages, type HtmlTable, readDocx, readPdfPages } from './readBack';

/** Building a document takes seconds on a loaded shared machine. */
const SLOW_MACHINE_MS = 60_000;

const S = '\u00a0'; // amounts and rates use no-break spaces
const money = (text: string) => text.replace(/ /g, S);
/** The document's tables whose header row starts with these cells. */
const tablesHeaded = (tables: HtmlTable[], ...first: string[]) =>
  tables.filter((t) => first.every((cell, i) => t.rows[0]?.[i] === cell)).map((t) => t.rows);

describe('the Word report', { timeout: SLOW_MACHINE_MS }, () => {
  it('has the cover, the TdR summary and the participants table of the seed', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    expect(doc.text).toContain('COMPTE RENDU DE MISSION');
    expect(doc.text).toContain('du 22/07/2024 au 26/07/2024');
    expect(doc.text).toContain('Kalaban Exemple (Cercle A, Ségou)');
    expect(doc.text).toContain('Constater l’état des réalisations du projet.');
    const [participants] = tablesHeaded(doc.tables, 'N°', 'Noms et prénoms');
    expect(participants[0]).toEqual(['N°', 'Noms et prénoms', 'Fonctions', 'Structures', 'Contacts', 'E-mails']);
    expect(participants[1]).toEqual([
      '01',
      'Awa Exemple',
      'Cheffe de mission',
      'Agence de démonstration',
      '+223 70 00 00 00',
      'personne1@example.org',
    ]);
    expect(participants).toHaveLength(5);
  });

  it('gives each commune its achievements table with planned, spent, rates and a total in FCFA', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    const [first] = tablesHeaded(doc.tables, 'N°', 'Activité');
    expect(first[0]).toEqual(['N°', 'Activité', 'État', 'Budget prévu', 'Dépensé', 'Taux d’exécution']);
    expect(first[1]).toEqual([
      '01',
      'Réhabilitation du forage',
      'Achevée',
      money('1 250 000 FCFA'),
      money('1 000 000 FCFA'),
      `80${S}%`,
    ]);
    expect(first[3]).toEqual(['', 'Total', '', money('3 250 000 FCFA'), money('2 500 000 FCFA'), `76,9${S}%`]);
    expect(doc.text).toContain('Le maire de Kalaban Exemple et deux conseillers.');
    expect(doc.text).toContain('Former un comité de gestion.');
  });

  it('ends with the budget table per commune with a grand total, then the action points', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    const [budget] = tablesHeaded(doc.tables, 'Commune', 'Budget prévu');
    expect(budget?.map((r) => r[0])).toEqual([
      'Commune',
      'Kalaban Exemple',
      'Sirakoro Fictif',
      'Dioro Démo',
      'Total général',
    ]);
    expect(budget?.at(-1)).toEqual(['Total général', money('9 750 000 FCFA'), money('7 500 000 FCFA'), `76,9${S}%`]);
    const [actions] = tablesHeaded(doc.tables, 'N°', 'Points');
    expect(actions?.[0]).toEqual(['N°', 'Points', 'Actions', 'Responsable', 'Commentaires', 'Échéance', 'Statut']);
    expect(actions?.[1]).toEqual([
      '01',
      'Organiser la restitution',
      'Action 1 à mener',
      'Awa Exemple',
      'Date à confirmer',
      '01/08/2024',
      'Ouvert',
    ]);
  });

  it('embeds the six report photos, each with its numbered caption', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    expect(doc.media).toHaveLength(6);
    for (const caption of DEMO_CAPTIONS) expect(doc.text).toMatch(new RegExp(`Photo \\d : ${caption}`));
    expect(doc.text).not.toContain('Photo privée');
  });

  it('stores its pictures as they are, not deflated (they are JPEG and PNG), and deflates its XML', async () => {
    const demo = demoMission();
    const bytes = await buildDocx(demoBundle(demo), { rasterize: nodeRasterizer });
    const method = new Map<string, number>(); // 0: stored, 8: DEFLATE
    const parts = unzipSync(bytes, {
      filter: (file) => {
        method.set(file.name, file.compression);
        return true;
      },
    });
    const media = Object.keys(parts).filter((p) => p.startsWith('word/media/'));
    expect(media.filter((p) => p.endsWith('.jpg'))).toHaveLength(6);
    expect(media.filter((p) => p.endsWith('.png'))).toHaveLength(2); // the map and the chart
    for (const path of media) expect([path, method.get(path)]).toEqual([path, 0]);
    // Each photo's own bytes, unchanged.
    const photos = new Set([...demo.blobs.values()].map(sha256Hex));
    for (const path of media.filter((p) => p.endsWith('.jpg'))) expect(photos.has(sha256Hex(parts[path]))).toBe(true);
    expect(method.get('word/document.xml')).toBe(8);
    expect(method.get('[Content_Types].xml')).toBe(8);
  });

  it('leaves draft notes out by default and takes them in when asked', async () => {
    const validatedOnly = await readDocx(await buildDocx(demoBundle()));
    expect(validatedOnly.text).not.toContain('Brouillon à ne pas publier');
    const withDrafts = await readDocx(await buildDocx(demoBundle(), { noteStates: ['validee', 'brouillon'] }));
    expect(withDrafts.text).toContain('Brouillon à ne pas publier');
    expect(tablesHeaded(withDrafts.tables, 'Commune', 'Budget prévu')[0][1]).toEqual([
      'Kalaban Exemple',
      money('4 249 999 FCFA'),
      money('2 500 000 FCFA'),
      `58,8${S}%`,
    ]);
  });

  it('still builds when a photo is missing from the device, and says so under its number', async () => {
    const bundle = demoBundle();
    const lost = bundle.photos[0].hash;
    const doc = await readDocx(
      await buildDocx({
        ...bundle,
        photoBytes: (h) => (h === lost ? Promise.reject(new Error('gone')) : bundle.photoBytes(h)),
      }),
    );
    expect(doc.text).toContain('Photo 1 : image absente de cet appareil');
    expect(doc.media).toHaveLength(5);
  });
});

describe('the PDF report', { timeout: SLOW_MACHINE_MS }, () => {
  it('has the same content: cover, tables with totals, six photos with captions', async () => {
    const bytes = await buildPdf(demoBundle());
    // Compared with spaces collapsed: pdfjs gives no-break spaces back as plain ones, and cells apart.
    const pages = (await readPdfPages(bytes)).map((p) => p.replace(/[\s\u00a0]+/g, ' '));
    const text = pages.join('\n');
    expect(pages[0]).toContain('COMPTE RENDU DE MISSION');
    expect(pages[0]).toContain('du 22/07/2024 au 26/07/2024');
    expect(text).toContain('Liste des participants');
    expect(text).toContain('01 Awa Exemple Cheffe de mission Agence de');
    expect(text).toContain('+223 70 00 00 00');
    expect(text).toContain('01 Réhabilitation du forage Achevée 1 250 000 FCFA 1 000 000 FCFA 80 %');
    expect(text).toContain('Total 3 250 000 FCFA 2 500 000 FCFA 76,9 %');
    expect(text).toContain('Total général 9 750 000 FCFA 7 500 000 FCFA 76,9 %');
    for (const caption of DEMO_CAPTIONS) expect(text).toMatch(new RegExp(`Photo \\d : ${caption}`));
    expect(text).toContain('Points d’actions retenus');
    expect(text).not.toContain('Brouillon à ne pas publier');
    expect(await countPdfImages(bytes)).toBe(6);
  });
});

describe('building a report', { timeout: SLOW_MACHINE_MS }, () => {
  it('reports progress step by step up to the end', async () => {
    const seen: [number, number][] = [];
    await buildPdf(demoBundle(), { onProgress: (done, total) => seen.push([done, total]) });
    const total = 3 + 6 + 1; // communes, photos, packing
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.length).toBeGreaterThanOrEqual(total);
  });

  it('hands control back to the event loop between photos, so the page can repaint', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await buildDocx(demoBundle(demoMission({ communeCount: 3, photoCount: 12 })));
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThanOrEqual(12);
  });
});
