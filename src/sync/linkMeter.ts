// How fast the link carries photo bytes, measured on the transfers themselves: bytes moved over
// the time at least one transfer was running (round trips included, since they cost the same).
// Sync uses it to choose how much to put on the link at once.

/** From this rate on, a link is fast: one transfer at a time would leave it idle a round trip each. */
export const FAST_LINK_BITS_PER_S = 1_000_000;

/**
 * How many photo transfers to run at once at `bitsPerSecond` (null: not measured yet). On a slow
 * link they would share it and each take longer: one at a time, so each one ends.
 */
export function transfersInFlight(bitsPerSecond: number | null | undefined, onFastLink: number): number {
  return bitsPerSecond != null && bitsPerSecond >= FAST_LINK_BITS_PER_S ? onFastLink : 1;
}

/** Below this many bytes measured, a rate says more about latency than about the link. */
const MIN_MEASURED_BYTES = 64 * 1024;

export class LinkMeter {
  private bytes = 0;
  private busyMs = 0;
  private busySince = 0;
  private running = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A transfer starts. */
  begin(): void {
    if (this.running++ === 0) this.busySince = this.now();
  }

  /** A transfer ended (done or cut) after moving `bytes`. */
  end(bytes: number): void {
    this.bytes += bytes;
    if (--this.running === 0) this.busyMs += this.now() - this.busySince;
  }

  /** Bits per second measured so far, or null while too little was measured to tell. */
  bitsPerSecond(): number | null {
    if (this.bytes < MIN_MEASURED_BYTES || this.busyMs <= 0) return null;
    return (this.bytes * 8 * 1000) / this.busyMs;
  }
}
