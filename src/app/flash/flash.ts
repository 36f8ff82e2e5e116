// A message that outlives the screen that wrote it: an archive imported from the missions list or
// the settings opens its mission, and the mission's page says what the import did. It is shown on
// the page it was meant for only and goes away when the person leaves that page or closes it.
export interface Flash {
  message: string;
  /** The app path it belongs to, as wouter's useLocation reads it at the top level. */
  path: string;
}

let current: Flash | null = null;
const listeners = new Set<() => void>();

function set(next: Flash | null) {
  current = next;
  for (const listener of listeners) listener();
}

export const flash = {
  show: (message: string, path: string) => set({ message, path }),
  dismiss: () => set(null),
  get: (): Flash | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
