// Client-made ids: ULIDs sort by creation time and are unique without a server, so a record made
// offline keeps its id forever and a replayed mutation can be recognised.
import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

export function newId(): string {
  return nextUlid();
}

export function nowIso(): string {
  return new Date().toISOString();
}
