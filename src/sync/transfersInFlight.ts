// How many photo transfers run at once, and running them so. On a fast link one at a time leaves
// it idle for a round trip per photo; on a slow link transfers would share it and each take longer:
// one at a time there, so each one ends. Downloads and uploads both follow this rule.

/** From this rate on, a link is fast. */
export const FAST_LINK_BITS_PER_S = 1_000_000;

/** Transfers to run at once at `bitsPerSecond` (null: not measured yet). */
export function transfersInFlight(bitsPerSecond: number | null | undefined, onFastLink: number): number {
  return bitsPerSecond != null && bitsPerSecond >= FAST_LINK_BITS_PER_S ? onFastLink : 1;
}

/**
 * Runs `transfer` on each item of `queue`, at most `allowed()` at once (asked again before each
 * start, so it follows the rate measured so far). A transfer that throws stops starting others;
 * the ones running end first, then its error is thrown.
 */
export async function runInFlight<T>(
  queue: T[],
  allowed: () => number,
  transfer: (item: T) => Promise<void>,
): Promise<void> {
  const waiting = [...queue];
  let fatal: unknown = null;
  const running = new Set<Promise<void>>();
  while (waiting.length > 0 && !fatal) {
    while (running.size < allowed() && waiting.length > 0) {
      const one: Promise<void> = transfer(waiting.shift() as T)
        .catch((error) => {
          fatal ??= error;
        })
        .finally(() => running.delete(one));
      running.add(one);
    }
    await Promise.race(running);
  }
  await Promise.all(running);
  if (fatal) throw fatal;
}
