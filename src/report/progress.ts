// Counts the steps of a long build (one per commune, one per photo, one for packing) and hands
// control back to the browser after each, so a report with a hundred photos never freezes the page.
import { type ProgressListener, yieldToEventLoop } from './bundle';

export interface Progress {
  step(): Promise<void>;
  finish(): void;
}

export function startProgress(total: number, listener?: ProgressListener): Progress {
  let done = 0;
  listener?.(0, total);
  return {
    async step() {
      done = Math.min(done + 1, total - 1);
      listener?.(done, total);
      await yieldToEventLoop();
    },
    finish() {
      listener?.(total, total);
    },
  };
}
