// A commune's cercle and région are said once: the commune of Mopti is in the cercle of Mopti in
// the région of Mopti, and "Mopti (Mopti, Mopti)" says nothing more than "Mopti".
import { describe, expect, it } from 'vitest';
import { placeParts } from '../../../src/shared/places';

describe('the place of a commune', () => {
  it('leaves out a cercle and a région that repeat the commune’s name', () => {
    expect(placeParts({ name: 'Mopti', cercle: 'Mopti', region: 'Mopti' })).toEqual({ cercle: '', region: '' });
  });

  it('leaves out a cercle named like its commune, keeps the région', () => {
    expect(placeParts({ name: 'Douentza', cercle: 'Douentza', region: 'Mopti' })).toEqual({
      cercle: '',
      region: 'Mopti',
    });
  });

  it('compares names as a reader does: accents, case and spaces do not make a new name', () => {
    expect(placeParts({ name: 'Ségou', cercle: ' segou ', region: 'SÉGOU' })).toEqual({ cercle: '', region: '' });
  });

  it('keeps a cercle and a région that differ from the commune', () => {
    expect(placeParts({ name: 'Sangha', cercle: 'Bandiagara', region: 'Mopti' })).toEqual({
      cercle: 'Bandiagara',
      region: 'Mopti',
    });
  });
});
