// How fast the link carries photo bytes, measured on the transfers themselves: bytes moved over
// the time at least one transfer was running (round trips included, since they cost the same).
// Sync uses it to choose how much to put on the link at once.

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
