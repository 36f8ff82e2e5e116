// The report a ministry files as it is (issue 13): page numbers and a running header, French
// language tag, synthèse, conclusion, annexes and signatures from the report settings, the full
// TdR reminder (context, team, vehicles, itinerary), and per visit its authors, GPS point and
// review state ("Validée par … le …", or a visible "Non validée"). Read back from both documents.
import { describe, expect, it } from 'vitest';
import type { MissionBundle } from '../../../src/report/bundle';
import { buildDocx } from '../../../src/report/docx';
import { buildPdf } from '../../../src/report/pdf';
import { DEMO_SETTINGS, demoBundle, demoMission } from '../../fixtures/reportBundle';
import { nodeRasterizer } from './nodeCanvas';
import { readDocx, readPdfPages } from './readBack';

const withSettings = (): MissionBundle => ({ ...demoBundle(), settings: DEMO_SETTINGS });
/** Building and reading back a document takes seconds on a loaded shared machine. */
const SLOW_MACHINE_MS = 60_000;
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

describe('the Word report, complete', { timeout: SLOW_MACHINE_MS }, () => {
  it('numbers its pages and repeats the mission title at the top of each page but the title page', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    const footers = Object.entries(doc.parts).filter(([p]) => /^word\/footer\d*\.xml$/.test(p));
    const headers = Object.entries(doc.parts).filter(([p]) => /^word\/header\d*\.xml$/.test(p));
    const footerXml = footers.map(([, xml]) => xml).join('');
    expect(footerXml).toMatch(/PAGE/);
    expect(footerXml).toMatch(/NUMPAGES/);
    expect(headers.map(([, xml]) => xml).join('')).toContain('Visite de terrain du comité technique');
    expect(doc.parts['word/document.xml']).toContain('<w:titlePg/>');
  });

  it('tells Word the text is French, so it spell-checks it in French', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    expect(doc.parts['word/styles.xml']).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="fr-FR"/);
  });

  it('has the synthèse, conclusion, signatures and annexes typed in the report settings', async () => {
    const doc = await readDocx(await buildDocx(withSettings()));
    expect(doc.text).toContain('RÉPUBLIQUE DU MALI');
    expect(doc.text).toContain('Visite des réalisations du projet');
    expect(doc.text).toContain('Synthèse\nLa mission a visité les communes prévues');
    expect(doc.text).toContain('Conclusion\nLe comité recommande de poursuivre le projet');
    expect(doc.text).toMatch(/Fait à Bamako, le \d\d\/\d\d\/\d{4}/);
    expect(doc.text).toContain('Rapporteur');
    expect(doc.text).toContain('Annexe 1 : Termes de référence de la mission');
    expect(doc.text).toContain('Annexe 2 : Liste de présence des rencontres');
    // The synthèse comes before the TdR reminder, the conclusion after the action points.
    expect(doc.text.indexOf('Synthèse\n')).toBeLessThan(doc.text.indexOf('Rappel des termes de référence'));
    expect(doc.text.indexOf('Conclusion\n')).toBeGreaterThan(doc.text.indexOf('Points d’actions retenus'));
  });

  it('leaves those sections out while nothing was typed', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    for (const title of ['Synthèse\n', 'Conclusion\n', 'Liste des annexes', 'Signatures']) {
      expect(doc.text).not.toContain(title);
    }
  });

  it('leaves out the parts the settings exclude', async () => {
    const bundle = {
      ...withSettings(),
      settings: { ...DEMO_SETTINGS, excludedParts: ['photos' as const, 'tdr' as const] },
    };
    const doc = await readDocx(await buildDocx(bundle));
    expect(doc.media).toHaveLength(0);
    expect(doc.text).not.toContain('Rappel des termes de référence');
    expect(doc.text).toContain('Réalisations du projet');
  });

  it('recalls the TdR: context, team with its count and members, vehicles, itinerary with planned and visited days', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    expect(doc.text).toContain('Le comité technique a décidé d’une visite de terrain de ses membres.');
    expect(doc.text).toContain('Équipe : 04 personnes');
    expect(doc.text).toContain('Awa Exemple, Cheffe de mission (Agence de démonstration)');
    expect(doc.text).toContain('4x4 de la direction fictive — chauffeur : Chauffeur Exemple — 4 places');
    const itinerary = doc.tables.find((t) => t.rows[0]?.[5] === 'Date de visite')?.rows;
    expect(itinerary?.[0]).toEqual(['N°', 'Commune', 'Cercle', 'Région', 'Date prévue', 'Date de visite']);
    expect(itinerary?.[1]).toEqual(['01', 'Kalaban Exemple', 'Cercle A', 'Ségou', '22/07/2024', '22/07/2024']);
    expect(itinerary).toHaveLength(4);
  });

  it('gives each visit its authors, GPS point and who validated it and when', async () => {
    const doc = await readDocx(await buildDocx(demoBundle()));
    expect(doc.text).toContain('Rédacteurs : Awa Exemple, Moussa Fictif');
    expect(doc.text).toMatch(/Point GPS : 12,5100° N, 8,0100° O \(précision 8 m\)/);
    expect(doc.text.match(/Validée par Coordinatrice Exemple le 28\/07\/2024/g)).toHaveLength(3);
  });

  it('marks a note that is not validated, when the user takes such notes in', async () => {
    const doc = await readDocx(await buildDocx(demoBundle(), { noteStates: ['validee', 'brouillon'] }));
    expect(doc.text).toContain('Non validée (état : Brouillon)');
  });

  it('puts photos two per row, numbered in the order the app lists them, in rows that never split', async () => {
    const demo = demoMission();
    // Taken in the reverse order of their ids: the app lists by id, and so must the report.
    demo.photos = demo.photos.map((p, i) => ({ ...p, takenAt: `2024-07-22T0${9 - (i % 10)}:00:00.000Z` }));
    const doc = await readDocx(await buildDocx(demoBundle(demo)));
    const grids = doc.tables.filter((t) => t.rows.some((r) => r.some((c) => c.startsWith('Photo '))));
    expect(grids.length).toBe(3);
    expect(grids[0].rows[0]).toEqual([
      'Photo 1 : Forage pastoral réhabilité',
      'Photo 2 : Périmètre maraîcher des femmes',
    ]);
    const rows = doc.xml.match(/<w:trPr>[\s\S]*?<\/w:trPr>/g) ?? [];
    const allRows = doc.xml.match(/<w:tr>|<w:tr /g) ?? [];
    expect(rows.length).toBe(allRows.length);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('says each place once: "Mopti", not "Mopti (Mopti, Mopti)"', async () => {
    const demo = demoMission();
    demo.communes = demo.communes.map((c, i) =>
      i === 0 ? { ...c, name: 'Mopti', cercle: 'Mopti', region: 'Mopti' } : { ...c, cercle: c.name, region: 'Mopti' },
    );
    const doc = await readDocx(await buildDocx(demoBundle(demo)));
    expect(doc.text).toContain('1. Commune de Mopti\n');
    expect(doc.text).toContain('2. Commune de Sirakoro Fictif (Mopti)');
    expect(doc.text).not.toContain('Mopti (Mopti');
  });
});

describe('the PDF report, complete', { timeout: SLOW_MACHINE_MS }, () => {
  it('has page numbers, the running header, the synthèse, the itinerary and the review line', async () => {
    const pages = (await readPdfPages(await buildPdf(withSettings()))).map(flat);
    expect(pages[0]).not.toMatch(/Page 1 sur/);
    expect(pages[1]).toContain(`Page 2 sur ${pages.length}`);
    expect(pages[1]).toContain('Visite de terrain du comité technique — compte rendu de mission');
    const text = pages.join('\n');
    expect(text).toContain('Synthèse La mission a visité les communes prévues');
    expect(text).toContain('01 Kalaban Exemple Cercle A Ségou 22/07/2024 22/07/2024');
    expect(text).toContain('Validée par Coordinatrice Exemple le 28/07/2024');
    expect(text).toContain('Rédacteurs : Awa Exemple, Moussa Fictif');
    expect(text).toContain('Équipe : 04 personnes');
    expect(text).toContain('Conclusion Le comité recommande');
    expect(text).toContain('Annexe 2 : Liste de présence des rencontres');
  });
});

describe('the map and the chart', { timeout: SLOW_MACHINE_MS }, () => {
  it('are in the Word report as pictures with their captions (PNG drawn on a 2D canvas)', async () => {
    const doc = await readDocx(await buildDocx(demoBundle(), { rasterize: nodeRasterizer }));
    const pngs = doc.media.filter((m) => m.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    expect(doc.text).toContain('Carte de la mission');
    expect(doc.text).toContain('Figure 1 : carte de la mission');
    expect(doc.text).toContain('Figure 2 : budget prévu et dépensé par commune, taux d’exécution');
    expect(doc.xml).toContain('descr="Carte de la mission : communes de l’itinéraire et points GPS des visites"');
    expect(doc.xml).toContain('descr="Budget prévu et dépensé par commune, avec le taux d’exécution"');
  });

  it('leave a line instead of failing where the device cannot draw them', async () => {
    expect(globalThis.OffscreenCanvas).toBeUndefined(); // Node: no canvas unless one is given
    const doc = await readDocx(await buildDocx(demoBundle()));
    expect(doc.media.filter((m) => m.endsWith('.png'))).toHaveLength(0);
    expect(doc.text).toContain('Figure non disponible');
  });

  it('are in the PDF as drawings (SVG), their words readable', async () => {
    const text = flat((await readPdfPages(await buildPdf(demoBundle()))).join('\n'));
    expect(text).toContain('Commune (n° du rapport)');
    expect(text).toContain('1. Kalaban Exemple');
    expect(text).toContain('Bamako');
    expect(text).toContain('Taux global : 76,9 %');
    expect(text).toContain('Figure 2 : budget prévu et dépensé par commune');
  });

  it('are left out when the settings exclude them', async () => {
    const bundle = {
      ...demoBundle(),
      settings: { ...DEMO_SETTINGS, excludedParts: ['map' as const, 'charts' as const] },
    };
    const doc = await readDocx(await buildDocx(bundle, { rasterize: nodeRasterizer }));
    expect(doc.media.filter((m) => m.endsWith('.png'))).toHaveLength(0);
    expect(doc.text).not.toContain('Carte de la mission');
  });
});

describe('done when (issue 13): both documents of the seed-like demo mission, read back', {
  timeout: SLOW_MACHINE_MS,
}, () => {
  it('have page numbers, the French tag, the synthèse, the itinerary, "Validée par", the map and the chart', async () => {
    const bundle = withSettings();
    const doc = await readDocx(await buildDocx(bundle, { rasterize: nodeRasterizer }));
    const footers = Object.entries(doc.parts).filter(([p]) => p.startsWith('word/footer'));
    expect(footers.some(([, xml]) => xml.includes('PAGE') && xml.includes('NUMPAGES'))).toBe(true);
    expect(doc.parts['word/styles.xml']).toContain('w:lang w:val="fr-FR"');
    expect(doc.text).toContain('La mission a visité les communes prévues');
    expect(doc.tables.some((t) => t.rows[0]?.join('|') === 'N°|Commune|Cercle|Région|Date prévue|Date de visite')).toBe(
      true,
    );
    expect(doc.text).toContain('Validée par Coordinatrice Exemple le 28/07/2024');
    expect(doc.xml).toContain('descr="Carte de la mission');
    expect(doc.xml).toContain('descr="Budget prévu et dépensé par commune');

    const pages = (await readPdfPages(await buildPdf(bundle))).map(flat);
    const text = pages.join('\n');
    expect(pages.at(-1)).toContain(`Page ${pages.length} sur ${pages.length}`);
    expect(text).toContain('La mission a visité les communes prévues');
    expect(text).toContain('N° Commune Cercle Région Date prévue Date de visite');
    expect(text).toContain('Validée par Coordinatrice Exemple le 28/07/2024');
    expect(text).toContain('Point GPS d’une visite'); // the map's legend
    expect(text).toContain('Taux global : 76,9 %'); // the chart's legend
  });
});
