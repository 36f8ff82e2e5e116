// Spreadsheet exports: CSV for French Excel and one XLSX workbook, read back.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvBytes, tableToCsv } from '../../../src/report/sheets/csv';
import { buildTables } from '../../../src/report/sheets/tables';
import { buildXlsx } from '../../../src/report/sheets/xlsx';
import { demoBundle, demoMission } from '../../fixtures/reportBundle';

const linesOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('the CSV export', () => {
  it('starts with a UTF-8 byte-order mark and separates fields with semicolons', () => {
    const bytes = csvBytes(buildTables(demoBundle()).participants);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = linesOf(new TextDecoder().decode(bytes));
    expect(header).toBe('N°;Noms et prénoms;Fonctions;Structures;Contacts;E-mails');
    expect(first).toBe(
      "1;Awa Exemple;Cheffe de mission;Agence de démonstration;'+223 70 00 00 00;personne1@example.org",
    );
  });

  it('writes amounts as whole numbers, rates with a decimal comma and dates as 22/07/2024', () => {
    const [header, first, second] = linesOf(tableToCsv(buildTables(demoBundle()).achievements));
    expect(header).toBe(
      'Commune;Date de la visite;N°;Activité;État;Budget prévu (FCFA);Dépensé (FCFA);Taux d’exécution (%)',
    );
    expect(first).toBe('Kalaban Exemple;22/07/2024;1;Réhabilitation du forage;Achevée;1250000;1000000;80');
    expect(second).toBe('Kalaban Exemple;22/07/2024;2;Construction d’une salle de classe;En cours;2000000;1500000;75');
  });

  it('quotes text holding separators, quotes or line breaks, and defuses formulas', () => {
    const demo = demoMission();
    demo.notes[0].observations = 'Première ligne; avec "guillemets"\nDeuxième ligne';
    demo.notes[1].peopleMet = '=HYPERLINK("http://exemple")';
    const csv = tableToCsv(buildTables(demoBundle(demo)).notes);
    expect(csv).toContain('"Première ligne; avec ""guillemets""\nDeuxième ligne"');
    expect(csv).toContain(`"'=HYPERLINK(""http://exemple"")"`);
  });

  it('exports only the chosen note states', () => {
    const validated = buildTables(demoBundle()).notes.rows;
    const all = buildTables(demoBundle(), { noteStates: ['validee', 'brouillon'] }).notes.rows;
    expect(validated).toHaveLength(3);
    expect(all).toHaveLength(4);
  });
});

describe('the XLSX export', () => {
  it('is a workbook with one sheet per table, holding the values as numbers and text', async () => {
    const parts = unzipSync(await buildXlsx(demoBundle()));
    const workbook = strFromU8(parts['xl/workbook.xml']);
    for (const name of ['Notes de visite', 'Réalisations et budgets', 'Participants', 'Points d’action'])
      expect(workbook).toContain(`name="${name}"`);
    const strings = strFromU8(parts['xl/sharedStrings.xml']);
    expect(strings).toContain('Réhabilitation du forage');
    expect(strings).toContain('+223 70 00 00 00');
    const achievements = strFromU8(parts['xl/worksheets/sheet2.xml']);
    expect(achievements).toContain('<v>1250000</v>');
    expect(achievements).toContain('<v>0.8</v>');
  });
});
