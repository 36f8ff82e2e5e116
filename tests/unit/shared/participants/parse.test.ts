import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markAlreadyListed, nameKey, parseParticipantTable } from '../../../../src/shared/participants/parse';

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../fixtures', name), 'utf8');

describe('reading a participant table pasted from Word', () => {
  const table = parseParticipantTable(fixture('participants-word.txt'), 'paste');

  it('skips the title line, the French header row and the empty lines', () => {
    expect(table.headerSkipped).toBe(true);
    expect(table.rows.map((r) => r.fields.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads every column in the seed order, trimmed, with no problem', () => {
    expect(table.rows.every((r) => r.problems.length === 0)).toBe(true);
    expect(table.rows[0].fields).toEqual({
      number: 1,
      fullName: 'ADAMA TRAORE',
      function: 'Président du comité technique',
      organisation: 'DNX/MMX',
      phone: '+22370000001',
      email: 'adama.traore@example.org',
    });
    expect(table.rows[1].fields.fullName).toBe('FATOUMATA KEITA');
  });

  it('stores Malian numbers written with spaces or no-break spaces in E.164', () => {
    expect(table.rows.map((r) => r.fields.phone)).toEqual([
      '+22370000001',
      '+22370000002',
      '+22370000003',
      '+22370000004',
      '+22370000005',
      '',
      '+22370000007',
    ]);
  });

  it('keeps a Mme prefix as part of the name, in the name column', () => {
    expect(table.rows[4].fields).toMatchObject({
      fullName: 'Mme DEMBELE AMINATA SANOGO',
      function: 'Chargée de mission',
      organisation: 'Ministère des Mines',
    });
  });

  it('accepts a row without phone (an empty cell) and lower-cases e-mails typed in capitals', () => {
    expect(table.rows[5].fields).toMatchObject({ phone: '', email: 'ibrahim.maiga@example.org' });
    expect(table.rows[2].fields.email).toBe('oumar.sidibe@example.org');
  });
});

describe('reading rows aligned with several spaces instead of tabs', () => {
  const table = parseParticipantTable(fixture('participants-spaces.txt'), 'paste');

  it('splits on runs of spaces and keeps names with single spaces whole', () => {
    expect(table.headerSkipped).toBe(false);
    expect(table.rows.map((r) => r.fields.fullName)).toEqual([
      'ADAMA TRAORE',
      'Mme FATOUMATA KEITA',
      'IBRAHIM MAIGA',
      'KADIATOU SOW',
    ]);
    expect(table.rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('recognises the e-mail and the phone at the end of a row that lost its empty cells', () => {
    expect(table.rows[2].fields).toMatchObject({ organisation: 'PNUD', phone: '', email: 'ibrahim.maiga@example.org' });
    expect(table.rows[3].fields).toMatchObject({ organisation: 'PNUD', phone: '+33612345678', email: '' });
  });
});

describe('the problems of each row', () => {
  const paste = [
    '01\tAWA TESTE\tMembre\tPNUD\t70 00 00 01\tawa.teste@example',
    '02\t\tMembre\tPNUD\t70 00 00 02\tsans.nom@example.org',
    '03\tYAYA TESTE\tMembre\tPNUD\t70 00 00\tyaya@example.org',
    '04\tSEKOU TESTE\tMembre\tPNUD\t06 12 34 56 78\tsekou@example.org',
    '05\tBINTOU TESTE\tMembre\tPNUD\t[téléphone]\t[e-mail]',
    '06\tMARIAM TESTE\tMembre\tPNUD\t70 00 00 06\tmariam@example.org\tcolonne en trop',
    '07\tDJENEBA TESTE\tMembre\tPNUD\t70 00 00 07\tdjeneba@example.org',
  ].join('\n');
  const rows = parseParticipantTable(paste, 'paste').rows;

  it('flags a malformed e-mail, a missing name, a short or foreign number without +', () => {
    expect(rows.map((r) => r.problems)).toEqual([
      ['email-invalid'],
      ['name-missing'],
      ['phone-invalid'],
      ['phone-invalid'],
      ['phone-invalid', 'email-invalid'],
      ['too-many-columns'],
      [],
    ]);
  });

  it('keeps what was typed in a bad cell, to show it and let it be corrected', () => {
    expect(rows[0].fields.email).toBe('awa.teste@example');
    expect(rows[2].fields.phone).toBe('70 00 00');
    expect(rows[0].cells).toEqual(['01', 'AWA TESTE', 'Membre', 'PNUD', '70 00 00 01', 'awa.teste@example']);
  });
});

describe('reading a CSV file saved by a French Excel', () => {
  const table = parseParticipantTable(fixture('participants-excel-fr.csv.txt'), 'csv');

  it('guesses the semicolon, reads quoted cells and skips the header', () => {
    expect(table.headerSkipped).toBe(true);
    expect(table.rows[0].fields.function).toBe('Président du comité; technique');
    expect(table.rows.map((r) => r.problems)).toEqual([[], ['email-invalid'], ['name-missing']]);
  });
});

describe('a long table', () => {
  it('reads 200 rows, in order, each with its own number', () => {
    const lines = Array.from({ length: 200 }, (_, i) => {
      const n = i + 1;
      const phone = `70 00 ${String(Math.floor(n / 100)).padStart(2, '0')} ${String(n % 100).padStart(2, '0')}`;
      return `${n}\tPERSONNE ${n}\tFonction ${n}\tStructure\t${phone}\tpersonne.${n}@example.org`;
    });
    const table = parseParticipantTable(
      ['N°\tNom\tFonction\tStructure\tContact\tE-mail', ...lines].join('\r\n'),
      'paste',
    );
    expect(table.rows).toHaveLength(200);
    expect(table.rows.filter((r) => r.problems.length > 0)).toEqual([]);
    expect(table.rows[199].fields).toMatchObject({ number: 200, fullName: 'PERSONNE 200', phone: '+22370000200' });
  });
});

describe('people already listed', () => {
  it('are not imported twice (same name or e-mail, in the mission or earlier in the paste); a shared phone is allowed', () => {
    const rows = parseParticipantTable(
      [
        '1\tMme Awa Teste\tMembre\tPNUD',
        '2\tYaya Teste\tMembre\tPNUD\t70 00 00 02',
        '3\tYAYA TESTÉ\tMembre\tPNUD',
        '4\tSali Teste\tMembre\tPNUD\t\tdeja@example.org',
        '5\tKoro Teste\tMembre\tPNUD\t70 00 00 02\tkoro@example.org',
      ].join('\n'),
      'paste',
    ).rows;
    const marked = markAlreadyListed(rows, [
      { fullName: 'AWA TESTE', email: '' },
      { fullName: 'Autre Nom', email: 'deja@example.org' },
    ]);
    expect(marked.map((r) => r.problems)).toEqual([['already-listed'], [], ['already-listed'], ['already-listed'], []]);
  });

  it('match by name whatever the civility, case and accents', () => {
    expect(nameKey('Mme  KARIDIA Testé')).toBe(nameKey('karidia teste'));
    expect(nameKey('M. Yaya Teste')).toBe('yaya teste');
  });
});
