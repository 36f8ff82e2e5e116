// What a conflict's values are, for showing them to people and for merging lists. Texts are merged
// by hand; lists (achievement lines, vehicles, authors) can be merged by keeping the items of every
// side, so two people who each added a line offline lose neither.
//
// A value may be anything: an older server stored conflict values without checking them against
// the field (`achievements: [null]`, a 150 KB object, a text where a list belongs), and a device's
// database can hold any value. Nothing here throws on such a value: it is shown as plain text, cut
// short, and it is not offered to be kept (today's server would refuse it).
import type { z } from 'zod';
import { newId } from '../../../db/ids';
import {
  type Achievement,
  achievementSchema,
  type GpsPoint,
  gpsPointSchema,
  recordSchemas,
  type Vehicle,
  vehicleSchema,
} from '../../../shared/model';

export type ShownConflictValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string; length: number }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'achievements'; lines: Achievement[] }
  | { kind: 'vehicles'; vehicles: Vehicle[] }
  | { kind: 'gps'; point: GpsPoint }
  | { kind: 'ids'; ids: string[] }
  /** Any other value, written out as text (cut short); `length` is the whole text's. */
  | { kind: 'other'; text: string; length: number }
  /** A value that cannot even be written out (a loop, nesting too deep for the browser). */
  | { kind: 'unwritable' };

/** Longer than any text field allows (TdR sections: 50,000): only a broken value is cut. */
export const TEXT_SHOWN_MAX = 60_000;
/** A value that is not a text is shown as a glimpse: enough to recognise it, never 150 KB of it. */
export const OTHER_SHOWN_MAX = 300;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The whole value as text, or null when it cannot be written out. */
function writeOut(value: unknown): string | null {
  if (typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null; // a loop, or nesting deeper than the browser's stack
  }
}

/** The items of `list` read by `schema`, or null when any item does not fit. */
function parseAll<T>(list: unknown[], schema: z.ZodType<T>): T[] | null {
  const parsed: T[] = [];
  for (const item of list) {
    const result = schema.safeParse(item);
    if (!result.success) return null;
    parsed.push(result.data);
  }
  return parsed;
}

/** Sorts a conflict value into what the card can show plainly; `field` says what a list holds. */
export function classify(field: string, value: unknown): ShownConflictValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'string') return { kind: 'text', text: value.slice(0, TEXT_SHOWN_MAX), length: value.length };
  if (typeof value === 'number') return { kind: 'text', text: String(value), length: String(value).length };
  if (typeof value === 'boolean') return { kind: 'yesNo', value };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    const lines = field === 'achievements' ? parseAll(value, achievementSchema) : null;
    if (lines) return { kind: 'achievements', lines };
    const vehicles = field === 'vehicles' ? parseAll(value, vehicleSchema) : null;
    if (vehicles) return { kind: 'vehicles', vehicles };
    if (value.every((item) => typeof item === 'string')) return { kind: 'ids', ids: value as string[] };
  }
  if (field === 'gps') {
    const point = gpsPointSchema.safeParse(value);
    if (point.success) return { kind: 'gps', point: point.data };
  }
  const text = writeOut(value);
  if (text === null) return { kind: 'unwritable' };
  return { kind: 'other', text: text.slice(0, OTHER_SHOWN_MAX), length: text.length };
}

/** The schema of a record field, if the table and the field are known (never an inherited key). */
function fieldSchema(table: string, field: string): z.ZodType | null | undefined {
  if (!Object.hasOwn(recordSchemas, table)) return undefined;
  const shape = recordSchemas[table as keyof typeof recordSchemas].shape as Record<string, z.ZodType>;
  return Object.hasOwn(shape, field) ? shape[field] : null;
}

/**
 * Whether `value` may be written to the field: the same schema the server checks pushes with. A
 * table this app does not know is left for the server to judge; an unknown field of a known table
 * is refused there, so it is not offered here.
 */
export function fitsField(table: string, field: string, value: unknown): boolean {
  const schema = fieldSchema(table, field);
  if (schema === undefined) return true;
  if (schema === null) return false;
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

export interface ConflictSide {
  value: unknown;
  /** Who wrote it, or '' when the record does not say. */
  by: string;
  /** When, or null when the record holds no readable time. */
  at: string | null;
}

/** The sides of a conflict as stored, each with a name and time that are really texts. */
export function conflictSides(values: unknown): ConflictSide[] {
  if (!Array.isArray(values)) return [];
  return values.map((side) => {
    if (!isObject(side)) return { value: undefined, by: '', at: null };
    const at = typeof side.at === 'string' && !Number.isNaN(Date.parse(side.at)) ? side.at : null;
    return { value: side.value, by: typeof side.by === 'string' ? side.by : '', at };
  });
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
    const key = writeOut(item);
    if (key === null) return null; // an item that cannot be compared cannot be merged safely
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
