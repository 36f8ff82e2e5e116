// How long to wait before trying again after failed syncs: doubling from SYNC_RETRY_MIN_MS, capped
// at SYNC_RETRY_MAX_MS, so a phone out of coverage for a day does not drain its battery retrying,
// and one that just lost the link for a minute retries soon.
import { SYNC_RETRY_MAX_MS, SYNC_RETRY_MIN_MS } from '../shared/constants';

/** Up to ±20 %: phones that lost the same mast do not all come back in the same second. */
const JITTER = 0.2;

/** The wait after `failures` failures in a row (1 = the first failure), always within [min, max]. */
export function backoffDelayMs(
  failures: number,
  random: () => number = Math.random,
  minMs = SYNC_RETRY_MIN_MS,
  maxMs = SYNC_RETRY_MAX_MS,
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const base = Math.min(maxMs, minMs * 2 ** exponent);
  const jittered = base * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(maxMs, Math.max(minMs, jittered)));
}

/** Counts failures in a row; a success starts again from the shortest wait. */
export class Backoff {
  private failures = 0;
  constructor(private readonly random: () => number = Math.random) {}

  /** Records a failure and returns how long to wait before the next try. */
  fail(): number {
    this.failures += 1;
    return backoffDelayMs(this.failures, this.random);
  }

  reset(): void {
    this.failures = 0;
  }
}
