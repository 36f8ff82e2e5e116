// Sends items in batches, one batch at a time: an item given while a batch is on its way waits and
// goes with the others given meanwhile in the next one. Under load, many pushes' change signals
// then cost one NOTIFY statement (one round trip, one commit that wakes each listening process
// once) instead of one each. When idle, an item leaves at once (after the code that gave it, so
// items given together leave together): a signal is not held back behind nothing.
export function singleFlightBatches<T>(send: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let waiting: T[] = [];
  let next: Promise<void> | null = null;
  let previous: Promise<void> = Promise.resolve();
  return (item) => {
    waiting.push(item);
    if (next) return next;
    const batch = previous
      .catch(() => undefined)
      .then(() => {
        const items = waiting;
        waiting = [];
        next = null;
        return send(items);
      });
    next = batch;
    previous = batch;
    return batch;
  };
}
