// Runs work that can wait once the page is idle (or after a few seconds at most), so it does not
// share the first screen's busiest moments. Safari has no requestIdleCallback: a plain delay there.
const LATEST_MS = 5_000;
const WITHOUT_IDLE_CALLBACK_MS = 2_000;

export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: LATEST_MS });
  else setTimeout(work, WITHOUT_IDLE_CALLBACK_MS);
}
