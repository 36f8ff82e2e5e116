// Per-field merge of one pushed mutation into the server's copy of a record. Pure (no database):
// the server keeps, for each field, the version at which it last changed and who changed it, so it
// can tell edits of different fields (both apply) from edits of the same field made on two devices
// since their common version (a conflict: nothing is lost, a person settles it).

export interface FieldMeta {
  /** Record version at which this field last changed. */
  v: number;
  userId: string;
  by: string;
  at: string;
  /** The device (PushRequest.clientId) that made the change. */
  clientId: string;
}
export type FieldMetaMap = Record<string, FieldMeta>;

export interface StoredState {
  data: Record<string, unknown>;
  version: number;
  meta: FieldMetaMap;
}

export interface Author {
  userId: string;
  name: string;
  at: string;
  clientId: string;
}

export interface FieldConflict {
  field: string;
  serverValue: unknown;
  serverMeta: FieldMeta | undefined;
  pushedValue: unknown;
}

export interface MergeResult {
  data: Record<string, unknown>;
  meta: FieldMetaMap;
  version: number;
  /** Fields whose value changed now. */
  changed: string[];
  conflicts: FieldConflict[];
}

/** Fields the server sets or that never change after creation: a mutation cannot move them. */
const FIXED_FIELDS = new Set(['id', 'missionId', 'createdAt', 'serverVersion']);

/** JSON with sorted keys, so `{a,b}` and `{b,a}` compare equal. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameValue = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

export function mergeMutation(
  current: StoredState | null,
  changes: Record<string, unknown>,
  baseVersion: number,
  author: Author,
): MergeResult {
  const version = (current?.version ?? 0) + 1;
  const stamp: FieldMeta = {
    v: version,
    userId: author.userId,
    by: author.name,
    at: author.at,
    clientId: author.clientId,
  };
  const { serverVersion: _clientOnly, ...incoming } = changes;

  if (!current) {
    const meta: FieldMetaMap = {};
    for (const field of Object.keys(incoming)) meta[field] = stamp;
    return { data: incoming, meta, version, changed: Object.keys(incoming), conflicts: [] };
  }

  const data = { ...current.data };
  const meta = { ...current.meta };
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [field, value] of Object.entries(incoming)) {
    const serverValue = current.data[field];
    // Same value: nothing to do, and the field version is not bumped (no false conflicts later).
    if (FIXED_FIELDS.has(field) || sameValue(serverValue, value)) continue;
    // Tie-breakers, deterministic and commented:
    // - updatedAt is bookkeeping, never a conflict: the later instant wins (ISO strings of the
    //   same format sort in time order); on equality the server's value stays.
    if (field === 'updatedAt') {
      if (typeof value === 'string' && (typeof serverValue !== 'string' || value > serverValue)) {
        data[field] = value;
        meta[field] = stamp;
        changed.push(field);
      }
      continue;
    }
    // - A record deleted on two devices stays deleted with the first deletion the server received.
    if (field === 'deletedAt' && serverValue && value) continue;
    // - Same field changed on the server since the device's base version: the value that reached
    //   the server first stays (arrival order is total: writers are serialised, see sequence.ts),
    //   the pushed value is kept in a conflict record next to it. Both survive; a person chooses.
    //   A device's own earlier change is not a rival: two offline edits of one field on one device
    //   share a base version, and the later one simply replaces the earlier.
    const last = current.meta[field];
    if (last && last.v > baseVersion && last.clientId !== author.clientId) {
      conflicts.push({ field, serverValue, serverMeta: last, pushedValue: value });
      continue;
    }
    data[field] = value;
    meta[field] = stamp;
    changed.push(field);
  }
  return { data, meta, version, changed, conflicts };
}
