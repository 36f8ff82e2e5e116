// How the report names a place: a commune with its cercle and région, each name said once
// ("Mopti", not "Mopti (Mopti, Mopti)"; "Douentza (Mopti)", not "Douentza (Douentza, Mopti)").
import type { Commune } from '../shared/model';

/** Names compared as a reader would: without accents, case or extra spaces. */
const sameName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The cercle and the région after the commune's name, leaving out any name already said. */
export function placeOf(commune: Pick<Commune, 'name' | 'cercle' | 'region'>): string {
  const said = new Set([sameName(commune.name)]);
  const parts: string[] = [];
  for (const part of [commune.cercle, commune.region].map((p) => p.trim())) {
    if (!part || said.has(sameName(part))) continue;
    said.add(sameName(part));
    parts.push(part);
  }
  return parts.join(', ');
}

/** "Douentza (Mopti)", or just "Mopti". */
export function placeLabel(commune: Pick<Commune, 'name' | 'cercle' | 'region'>): string {
  const place = placeOf(commune);
  return place ? `${commune.name} (${place})` : commune.name;
}
