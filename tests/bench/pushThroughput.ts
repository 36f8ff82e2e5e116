// Push throughput of the real server process on SQLite (or PostgreSQL): batches of PUSH_BATCH_MAX_MUTATIONS
// mutations over local HTTP, first creating visit notes, then editing one field of each. Every
// batch commits with an fsync (synchronous=FULL), as in production.
import fs from 'node:fs';
import { PROTOCOL_VERSION, PUSH_BATCH_MAX_MUTATIONS } from '../../src/shared/constants';
import type { Mutation, PushResponse } from '../../src/shared/protocol';
import { startServer } from '../e2e/support/server';
import { aMission, aVisitNote } from '../fixtures/builders';
import { createMutation, updateMutation } from '../fixtures/mutations';

export const PUSH_TARGET_PER_SECOND = 1000;
const BATCHES = 10;
const ADMIN_PASSWORD = 'mot-de-passe-bench';

export interface PushThroughput {
  mutations: number;
  createPerSecond: number;
  updatePerSecond: number;
}

const note = (missionId: string, i: number) =>
  aVisitNote(missionId, 'commune-bench', {
    peopleMet: 'Le maire, deux conseillers',
    observations: `Note ${i} : ${'observation de terrain '.repeat(40)}`,
  });

/** On SQLite, or on the PostgreSQL database `databaseUrl` names (created empty by the caller). */
export async function measurePushThroughput(databaseUrl?: string): Promise<PushThroughput> {
  const server = await startServer({ env: { ADMIN_PASSWORD, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } });
  try {
    const post = async (url: string, body: unknown, token?: string) => {
      const res = await fetch(server.url + url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const { token } = (await post('/api/auth/login', { email: 'admin@terrain.local', password: ADMIN_PASSWORD })) as {
      token: string;
    };
    const push = async (mutations: Mutation[]) => {
      const { results } = (await post(
        '/api/sync/push',
        { protocolVersion: PROTOCOL_VERSION, clientId: 'bench', mutations },
        token,
      )) as PushResponse;
      if (results.some((r) => r.status !== 'applied')) throw new Error('push bench: a mutation was not applied');
    };
    const mission = aMission({ title: 'Mission de mesure', project: 'Banc d’essai', status: 'terrain' });
    const missionId = mission.id;
    await push([createMutation('missions', mission)]);
    const notes = Array.from({ length: BATCHES * PUSH_BATCH_MAX_MUTATIONS }, (_, i) => note(missionId, i));
    const batches = (make: (n: (typeof notes)[number]) => Mutation) =>
      Array.from({ length: BATCHES }, (_, b) =>
        notes.slice(b * PUSH_BATCH_MAX_MUTATIONS, (b + 1) * PUSH_BATCH_MAX_MUTATIONS).map(make),
      );

    const timed = async (all: Mutation[][]) => {
      const started = performance.now();
      for (const batch of all) await push(batch);
      return (notes.length / (performance.now() - started)) * 1000;
    };
    const createPerSecond = await timed(batches((n) => createMutation('visitNotes', n)));
    const updatePerSecond = await timed(
      batches((n) =>
        updateMutation('visitNotes', n, { difficulties: 'Route coupée', updatedAt: new Date().toISOString() }, 1),
      ),
    );
    return { mutations: notes.length, createPerSecond, updatePerSecond };
  } finally {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}
