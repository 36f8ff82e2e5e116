// What a conflict's values are, for showing them to people and for merging lists. Texts are merged
// by hand; lists (achievement lines, vehicles, authors) can be merged by keeping the items of every
// side, so two people who each added a line offline lose neither.
import { newId } from '../../../db/ids';
import type { Achievement, GpsPoint, Vehicle } from '../../../shared/model';

export type ShownConflictValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'achievements'; lines: Achievement[] }
  | { kind: 'vehicles'; vehicles: Vehicle[] }
  | { kind: 'gps'; point: GpsPoint }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'other'; json: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sorts a conflict value into what the card can show plainly; `field` says what a list holds. */
export function classify(field: string, value: unknown): ShownConflictValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'text', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'yesNo', value };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    if (field === 'achievements') return { kind: 'achievements', lines: value as Achievement[] };
    if (field === 'vehicles') return { kind: 'vehicles', vehicles: value as Vehicle[] };
    if (value.every((item) => typeof item === 'string')) return { kind: 'ids', ids: value as string[] };
  }
  if (field === 'gps' && isObject(value)) return { kind: 'gps', point: value as unknown as GpsPoint };
  return { kind: 'other', json: JSON.stringify(value, null, 1) };
}

/**
 * Every side's items in one list, or null when the values are not all lists. Items are kept in the
 * order of the sides; an item already there (same text, or same line unchanged) is not repeated. A
 * line with the same id but changed on two sides is kept twice, the second under a new id: a person
 * then removes the one not wanted, and nothing typed is lost on the way.
 */
export function mergeLists(values: readonly unknown[]): unknown[] | null {
  if (!values.every(Array.isArray) || values.length < 2) return null;
  const lists = values as unknown[][];
  const merged: unknown[] = [];
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const item of lists.flat()) {
    const key = JSON.stringify(item);
    if (seen.has(key)) continue;
    seen.add(key);
    if (isObject(item) && typeof item.id === 'string') {
      if (ids.has(item.id)) {
        merged.push({ ...item, id: newId() });
        continue;
      }
      ids.add(item.id);
    }
    merged.push(item);
  }
  return merged;
}
