// How the server processes tell each other that something changed. One process (SQLite): an
// in-process emitter. Several processes on one PostgreSQL database: LISTEN/NOTIFY (postgresBus.ts),
// so a phone connected to one process hears of a push received by another.
import { EventEmitter } from 'node:events';
import { isValidId } from '../../shared/ids';

export type ChangeSignal =
  /** Records of this mission were written (a push, a review step). `origin`: the writer's stream key, who needs no telling. */
  | { kind: 'mission'; missionId: string; origin?: string }
  /** This account's missions changed (added to or removed from one): its streams pull everything. */
  | { kind: 'user'; userId: string }
  /** Some sessions of this account ended (logout, password change, disabled): its streams check theirs. */
  | { kind: 'sessions'; userId: string }
  /** Signals may have been missed (the PostgreSQL listener reconnected): every stream pulls. */
  | { kind: 'all' };

export interface ChangeBus {
  publish(signal: ChangeSignal): Promise<void>;
  subscribe(listener: (signal: ChangeSignal) => void): () => void;
  close(): Promise<void>;
}

/** A signal read back from the wire (another process's NOTIFY payload), or null when it is not one. */
export function parseSignal(text: string): ChangeSignal | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  const id = (v: unknown): v is string => typeof v === 'string' && isValidId(v);
  if (s.kind === 'mission' && id(s.missionId)) {
    return { kind: 'mission', missionId: s.missionId, origin: typeof s.origin === 'string' ? s.origin : undefined };
  }
  if ((s.kind === 'user' || s.kind === 'sessions') && id(s.userId)) return { kind: s.kind, userId: s.userId };
  if (s.kind === 'all') return { kind: 'all' };
  return null;
}

export function memoryBus(): ChangeBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(signal) {
      emitter.emit('signal', signal);
    },
    subscribe(listener) {
      emitter.on('signal', listener);
      return () => emitter.off('signal', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
