// PostgreSQL parses, analyses and plans every unnamed statement anew, and Kysely sends every query
// unnamed. The server sends the same few dozen statements all day (a session lookup per request, a
// push's reads and writes), so each pool connection prepares them once, by name, and then only
// binds and runs them. Measured on the load bench (500 devices, two processes): the database's
// CPU time fell by about a third.
//
// Bounded, because a statement with an IN list has one text per list length: a text is named only
// once this process has sent it SEEN_BEFORE_NAMED times, and a connection holds at most
// MAX_PER_CONNECTION names (each costs the database backend memory until the connection closes).
// Anything else goes unnamed, as before.
//
// A schema change made by another process (a newer version's migration, during an upgrade) can
// make a prepared `SELECT *` fail with 0A000 ("cached plan must not change result type"): the
// connection then starts a new set of names, and a statement outside a transaction is sent again
// at once, unnamed (a failed statement changed nothing). Inside a transaction the error stands: the
// transaction is rolled back and the device sends its batch again.
import { createHash } from 'node:crypto';
import type pg from 'pg';

const SEEN_BEFORE_NAMED = 3;
const MAX_PER_CONNECTION = 100;
/** How many distinct texts are counted before the counts start again (memory bound). */
const MAX_COUNTED_TEXTS = 5_000;
/** PostgreSQL's feature_not_supported: what a prepared statement meets after its table changed shape. */
const CACHED_PLAN_CHANGED = '0A000';

type Query = (...args: unknown[]) => Promise<unknown>;

/** Every connection the pool opens from now on names the process's frequent statements. */
export function prepareFrequentStatements(pool: pg.Pool): void {
  /** Per text: how often this process sent it, and its name once it has one (hashed once per text). */
  const seen = new Map<string, { count: number; name: string | null }>();
  const frequentName = (text: string): string | null => {
    if (seen.size >= MAX_COUNTED_TEXTS && !seen.has(text)) seen.clear();
    let entry = seen.get(text);
    if (!entry) {
      entry = { count: 0, name: null };
      seen.set(text, entry);
    }
    entry.count += 1;
    if (entry.name === null && entry.count >= SEEN_BEFORE_NAMED) {
      entry.name = createHash('sha256').update(text).digest('base64url').slice(0, 32);
    }
    return entry.name;
  };

  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    const prepared = new Set<string>();
    let generation = 0;
    let inTransaction = false;
    // Kysely calls query(text, values) and awaits the promise; any other form passes through.
    (client as unknown as { query: Query }).query = (...args: unknown[]) => {
      const [text, values] = args;
      if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values)) return query(...args);
      // Transaction control (Kysely's own texts) is tracked, never named: nothing to plan.
      const statement = text.trim().toLowerCase();
      const begins = statement === 'begin' || statement.startsWith('start transaction');
      const ends = statement === 'commit' || statement === 'rollback';
      if (begins || ends) {
        inTransaction = begins;
        return query(text, values);
      }
      const frequent = frequentName(text);
      if (frequent === null) return query(text, values);
      const name = `t${generation}_${frequent}`;
      if (!prepared.has(name) && prepared.size >= MAX_PER_CONNECTION) return query(text, values);
      prepared.add(name);
      return query({ name, text, values }).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== CACHED_PLAN_CHANGED) throw error;
        generation += 1;
        prepared.clear();
        if (inTransaction) throw error;
        return query(text, values);
      });
    };
  });
}
