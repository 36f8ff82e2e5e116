// Push: the outbox, squashed (squash.ts), goes to the server in bounded batches. Each batch's answer
// is applied in one transaction by the store: acknowledged rows (applied or duplicate) leave the
// outbox, refused rows stay with their reason. A batch lost on the way is simply sent again.
import { PROTOCOL_VERSION } from '../shared/constants';
import type { MutationResult } from '../shared/protocol';
import { unexpectedError } from './http';
import type { PushOutcome, SyncApi, SyncStore } from './ports';
import { intoBatches, squashOutbox } from './squash';
import type { SyncStatusStore } from './status';

export interface PushDeps {
  api: SyncApi;
  store: SyncStore;
  status: SyncStatusStore;
}

/** Sends every pending change; returns how many mutations the server refused. */
export async function pushOutbox({ api, store, status }: PushDeps): Promise<{ sent: number; rejected: number }> {
  const squashed = squashOutbox(await store.readOutbox());
  if (squashed.length === 0) return { sent: 0, rejected: 0 };
  const clientId = await store.clientId();
  status.update({ phase: 'pushing' });
  status.progress({ mutationsSent: 0, mutationsTotal: squashed.length });
  let sent = 0;
  let rejected = 0;
  for (const batch of intoBatches(squashed)) {
    const response = await api.push({
      protocolVersion: PROTOCOL_VERSION,
      clientId,
      mutations: batch.map((item) => item.mutation),
    });
    const byId = new Map<string, MutationResult>(response.results.map((r) => [r.mutationId, r]));
    const outcomes: PushOutcome[] = batch.map((item) => {
      const result = byId.get(item.mutation.mutationId);
      if (!result) throw unexpectedError('résultat manquant');
      return { rowIds: item.rowIds, result };
    });
    await store.applyPushOutcomes(outcomes);
    sent += batch.length;
    rejected += outcomes.filter((o) => o.result.status === 'rejected').length;
    status.progress({ mutationsSent: sent });
  }
  return { sent, rejected };
}
