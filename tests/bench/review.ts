// Review bench: 10,000 visit notes over 5 missions on a coordinator's device (a quarter submitted).
// Times the /review screen from the "Revue" menu link to its first row (cold: the screen's code is
// fetched too; warm: already loaded), and a search typed over all the notes until the list shows it.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seedRecords } from '../e2e/pages/VisitPages';
import { launchBrowser, newPhoneContext } from '../e2e/support/browser';
import type { RunningServer } from '../e2e/support/server';
import { aCommune, aMission, aParticipant } from '../fixtures/builders';

export const REVIEW_NOTE_COUNT = 10_000;
export const REVIEW_FIRST_ROW_TARGET_MS = 1000;

const DEXIE_UMD = path.resolve(import.meta.dirname, '../../node_modules/dexie/dist/dexie.js');
const LIST = 'ol[aria-label="Notes des missions"] li';

/** Runs `act` in the page and resolves, in ms, when `done()` first holds after it. */
function timeUntil(page: Page, act: string, done: string): Promise<number> {
  return page.evaluate(
    ({ act, done }) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const check = new Function(`return (${done})`) as () => boolean;
        const observer = new MutationObserver(() => {
          if (!check()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        new Function(act)();
      }),
    { act, done },
  );
}

const clickReview = `document.querySelector('nav.main-nav a[href="/review"]').click()`;
const firstRow = `document.querySelector('${LIST}') !== null`;

export async function measureReview(server: RunningServer) {
  const browser = await launchBrowser();
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const missions = Array.from({ length: 5 }, (_, i) => aMission({ title: `Mission ${i + 1}` }));
    const communes = missions.flatMap((m, i) =>
      Array.from({ length: 20 }, (_, j) => aCommune(m.id, { name: `Commune ${i * 20 + j + 1}` })),
    );
    const people = missions.flatMap((m) =>
      [1, 2, 3].map((order) => aParticipant(m.id, { order, fullName: `Rédacteur ${order}` })),
    );
    await seedRecords(page, {
      missions,
      communes,
      participants: people,
      // A coordinator's stored session (the server is not asked: sync is not what is measured).
      syncState: [
        {
          key: 'session',
          value: {
            token: 'bench',
            expiresAt: '2099-01-01T00:00:00Z',
            user: {
              id: 'bench',
              email: 'coordinatrice@exemple.test',
              name: 'Coordinatrice Exemple',
              role: 'coordinator',
            },
          },
        },
      ],
    });
    await page.addScriptTag({ path: DEXIE_UMD });
    await page.evaluate(
      async ({ communes, people, count }) => {
        const Dexie = (window as unknown as { Dexie: typeof import('dexie').Dexie }).Dexie;
        const db = new Dexie('terrain');
        await db.open();
        const now = Date.now();
        const states = ['soumise', 'brouillon', 'a_revoir', 'validee'];
        const notes = Array.from({ length: count }, (_, i) => {
          const commune = communes[i % communes.length];
          const at = new Date(now - i * 60_000).toISOString();
          return {
            id: `BENCH${String(i).padStart(8, '0')}`,
            missionId: commune.missionId,
            communeId: commune.id,
            createdAt: at,
            updatedAt: at,
            deletedAt: null,
            visitDate: '2024-07-23',
            authorIds: people
              .filter((p) => p.missionId === commune.missionId)
              .map((p) => p.id)
              .slice(0, 1 + (i % 3)),
            peopleMet: 'Le maire et deux conseillers',
            observations: `Note ${i + 1} : le forage fonctionne, la clôture est à moitié posée.`,
            difficulties: '',
            recommendations: '',
            achievements: [],
            gps: null,
            state: states[i % 4],
          };
        });
        await db.table('visitNotes').bulkAdd(notes);
        db.close();
      },
      { communes, people, count: REVIEW_NOTE_COUNT },
    );

    await page.reload();
    await page.getByRole('link', { name: /^Revue/ }).waitFor();
    const coldMs = await timeUntil(page, clickReview, firstRow);
    const rowsInDom = await page.locator(LIST).count();
    await page.getByRole('link', { name: 'Missions', exact: true }).click();
    await page.waitForTimeout(200);
    const warmMs = await timeUntil(page, clickReview, firstRow);
    await page.locator(LIST).first().waitFor();
    const searchMs = await timeUntil(
      page,
      `window.__count = document.querySelector('p[aria-live]').textContent;
       const input = document.getElementById('review-search');
       Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, 'commune 77 redacteur 3');
       input.dispatchEvent(new Event('input', { bubbles: true }));`,
      `document.querySelector('p[aria-live]')?.textContent !== window.__count`,
    );
    const searchCount = await page.locator('p[aria-live]').textContent();
    return { coldMs, warmMs, rowsInDom, searchMs, searchCount };
  } finally {
    await browser.close();
  }
}
