import { describe, expect, it } from 'vitest';
import { suggestOrganisation } from '../../../../src/shared/participants/organisation';
import { applyOrganisationSuggestions, parseParticipantTable } from '../../../../src/shared/participants/parse';

describe('the clean form of a structure name typed with its sentence', () => {
  it.each([
    ['de Ministère des Mines', 'Ministère des Mines'],
    ['la PNUD', 'PNUD'],
    ['du CNRST', 'CNRST'],
    ['de la DNGM', 'DNGM'],
    ["à l'UNICEF", 'UNICEF'],
    ['l’ONG Sahel Eco', 'ONG Sahel Eco'],
    ["d'Éducation Sans Frontières", 'Éducation Sans Frontières'],
    ['  au   Gouvernorat de Mopti ', 'Gouvernorat de Mopti'],
    ['des 3 Régions', '3 Régions'],
  ])('"%s" → "%s"', (typed, clean) => {
    expect(suggestOrganisation(typed)).toBe(clean);
  });

  it.each([
    ['Ministère des Mines'],
    ['PNUD'],
    ['La Poste'], // a capitalised article is part of the name
    ['Les Brasseries du Mali'],
    ['LA PNUD'], // all capitals: cannot tell, says nothing
    ['de santé'], // no capitalised name after it: not sure what it is
    ['la'],
    [''],
    ['DNX/MMX'],
  ])('"%s" is left as it is', (typed) => {
    expect(suggestOrganisation(typed)).toBeNull();
  });
});

describe('suggestions in a pasted participants table', () => {
  const text = [
    'N°\tNom\tFonction\tStructure\tTéléphone\tE-mail',
    '1\tAwa Diarra\tChef\tde Ministère des Mines\t70 00 00 01\tawa@example.org',
    '2\tMoussa Koné\tChargé\tla PNUD\t70 00 00 02\tmoussa@example.org',
    '3\tAmadou Cissé\tChauffeur\tPNUD\t70 00 00 03\t',
    '4\tBintou Sow\tExperte\tla PNUD\t70 00 00 04\t',
  ].join('\n');
  const { rows } = parseParticipantTable(text, 'paste');

  it('each row says the clean form of its structure, and keeps what was typed until accepted', () => {
    expect(rows.map((r) => r.organisationSuggestion)).toEqual(['Ministère des Mines', 'PNUD', null, 'PNUD']);
    expect(rows.map((r) => r.fields.organisation)).toEqual(['de Ministère des Mines', 'la PNUD', 'PNUD', 'la PNUD']);
  });

  it('an accepted spelling is replaced by its clean form in every row that has it; the others stay', () => {
    const applied = applyOrganisationSuggestions(rows, new Set(['la PNUD']));
    expect(applied.map((r) => r.fields.organisation)).toEqual(['de Ministère des Mines', 'PNUD', 'PNUD', 'PNUD']);
    expect(applied.map((r) => r.organisationSuggestion)).toEqual(['Ministère des Mines', null, null, null]);
    // The cells as typed stay: a row put back for correction shows what the person wrote.
    expect(applied[1].cells[3]).toBe('la PNUD');
  });
});
