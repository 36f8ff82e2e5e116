// The NOTIFY batcher (live/singleFlight.ts): one send at a time, and what is given meanwhile leaves
// together in the next, each giver told when its own item was sent (or that its send failed).
import { describe, expect, it, vi } from 'vitest';
import { singleFlightBatches } from '../../../src/server/live/singleFlight';

function controlledSender() {
  const sent: string[][] = [];
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const send = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      sent.push(items);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const done = () => {
        inFlight -= 1;
      };
      pending.push({
        resolve: () => {
          done();
          resolve();
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  return { send, sent, pending, mostInFlight: () => mostInFlight };
}

/** A few turns of the event loop: enough for a batch that would leave to have left. */
async function turns() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
const sentCount = (sender: { sent: unknown[] }, count: number) =>
  vi.waitFor(() => expect(sender.sent).toHaveLength(count));

describe('singleFlightBatches', () => {
  it('sends what is given in one turn together, and what comes during a send in the next batch', async () => {
    const sender = controlledSender();
    const give = singleFlightBatches(sender.send);
    const first = [give('a'), give('b')];
    await sentCount(sender, 1);
    expect(sender.sent).toEqual([['a', 'b']]);

    const second = [give('c'), give('d'), give('e')];
    await turns();
    // The first batch is still on its way: nothing else leaves.
    expect(sender.sent).toEqual([['a', 'b']]);

    sender.pending[0].resolve();
    await Promise.all(first);
    await sentCount(sender, 2);
    expect(sender.sent).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    sender.pending[1].resolve();
    await Promise.all(second);
    expect(sender.mostInFlight()).toBe(1);
  });

  it('tells the givers of a failed batch, and the next batch still leaves', async () => {
    const sender = controlledSender();
    const give = singleFlightBatches(sender.send);
    const failed = give('a');
    await sentCount(sender, 1);
    const later = give('b');
    sender.pending[0].reject(new Error('connexion perdue'));
    await expect(failed).rejects.toThrow('connexion perdue');
    await sentCount(sender, 2);
    expect(sender.sent).toEqual([['a'], ['b']]);
    sender.pending[1].resolve();
    await expect(later).resolves.toBeUndefined();
  });
});
