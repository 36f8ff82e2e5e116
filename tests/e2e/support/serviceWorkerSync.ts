// Driving the app's service worker from a test through DevTools, with no page of the app open: a
// blank page (another origin, so not the app) carries the DevTools session of the ServiceWorker
// domain, which fires Background Sync events (`dispatchSyncEvent`, as Chrome does when the network
// returns) and stops workers (`stopAllWorkers`, as the browser does when a sync event runs too
// long). Plus what the server's request log says was sent: tus creations and replayed pushes.
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { RunningServer } from './server';

export interface ServiceWorkerDevtools {
  /** Fires the sync event `tag` in the worker registered for `origin` (starting it if stopped). */
  dispatchSync(origin: string, tag?: string): Promise<void>;
  /** Terminates every running service worker of the context at once. */
  stopAllWorkers(): Promise<void>;
  close(): Promise<void>;
}

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

export async function serviceWorkerDevtools(context: BrowserContext): Promise<ServiceWorkerDevtools> {
  const blank = await context.newPage();
  const session: CDPSession = await context.newCDPSession(blank);
  const registrations = new Map<string, Registration>();
  session.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: Registration[] }) => {
    for (const registration of event.registrations) registrations.set(registration.registrationId, registration);
  });
  await session.send('ServiceWorker.enable');

  async function registrationIdOf(origin: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = [...registrations.values()].find((r) => !r.isDeleted && r.scopeURL === `${origin}/`);
      if (found) return found.registrationId;
      if (Date.now() > deadline) throw new Error(`no service worker registration for ${origin}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    async dispatchSync(origin, tag = 'terrain-sync') {
      const registrationId = await registrationIdOf(origin);
      await session.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId, tag, lastChance: false });
    },
    async stopAllWorkers() {
      await session.send('ServiceWorker.stopAllWorkers');
    },
    async close() {
      await blank.close();
    },
  };
}

interface RequestLine {
  msg: string;
  method?: string;
  route?: string;
  status?: number;
  duplicates?: number;
  applied?: number;
}

function logLines(server: RunningServer): RequestLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as RequestLine);
}

/** tus uploads the server created (POST answered 201): one per photo sent, whoever sent it. */
export function uploadCreations(server: RunningServer): number {
  return logLines(server).filter(
    (l) =>
      l.msg === 'request' &&
      l.method === 'POST' &&
      /^\/api\/photos\/uploads\/?$/.test(l.route ?? '') &&
      l.status === 201,
  ).length;
}

/** Mutations the server answered `duplicate` to: changes a device sent a second time. */
export function pushDuplicates(server: RunningServer): number {
  return logLines(server)
    .filter((l) => l.msg === 'sync-push')
    .reduce((sum, l) => sum + (l.duplicates ?? 0), 0);
}
