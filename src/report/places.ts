// How the report names a place: a commune with its cercle and région, each name said once (the
// rule is the app's own, src/shared/places.ts).
import type { Commune } from '../shared/model';
import { placeParts } from '../shared/places';

/** The cercle and the région after the commune's name, leaving out any name already said. */
export function placeOf(commune: Pick<Commune, 'name' | 'cercle' | 'region'>): string {
  const { cercle, region } = placeParts(commune);
  return [cercle, region].filter(Boolean).join(', ');
}

/** "Douentza (Mopti)", or just "Mopti". */
export function placeLabel(commune: Pick<Commune, 'name' | 'cercle' | 'region'>): string {
  const place = placeOf(commune);
  return place ? `${commune.name} (${place})` : commune.name;
}
