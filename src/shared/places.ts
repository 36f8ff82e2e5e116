// How a commune's place is said, in the app and in the report: its cercle and région, each name
// said once ("Mopti", not "Mopti (Mopti, Mopti)"; "Douentza (Mopti)", not "Douentza (Douentza, Mopti)").
import type { Commune } from './model';

/** Names compared as a reader would: without accents, case or extra spaces. */
const sameName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The cercle and the région worth saying after the commune's name: '' for a name already said. */
export function placeParts(commune: Pick<Commune, 'name' | 'cercle' | 'region'>): { cercle: string; region: string } {
  const said = new Set([sameName(commune.name)]);
  const keep = (part: string) => {
    const name = part.trim();
    if (!name || said.has(sameName(name))) return '';
    said.add(sameName(name));
    return name;
  };
  const cercle = keep(commune.cercle);
  return { cercle, region: keep(commune.region) };
}
