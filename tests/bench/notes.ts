// Notes bench: 10,000 visit notes in one mission. Times a Dexie bulk write of them in Chromium's
// real IndexedDB, then the first screen of the mission's visits list (virtualised) once they exist.
import path from 'node:path';
import { seedRecords } from '../e2e/pages/VisitPages';
import { launchBrowser, newPhoneContext } from '../e2e/support/browser';
import type { RunningServer } from '../e2e/support/server';
import { aCommune, aMission } from '../fixtures/builders';

export const NOTE_COUNT = 10_000;
export const LIST_FIRST_SCREEN_TARGET_MS = 1000;

export interface NoteFigures {
  bulkWriteMs: number;
  listColdMs: number;
  listWarmMs: number;
  rowsInDom: number;
}

const DEXIE_UMD = path.resolve(import.meta.dirname, '../../node_modules/dexie/dist/dexie.js');

/** Clicks the "Visites" tab and resolves when the first row of the list is on screen. */
async function timeVisitsTab(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector('ol[aria-label="Notes de visite"] li')) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        (document.querySelector('nav.tabs a[href$="/visits"]') as HTMLAnchorElement).click();
      }),
  );
}

export async function measureNotes(server: RunningServer): Promise<NoteFigures> {
  const browser = await launchBrowser();
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const mission = aMission({ title: 'Mission de mesure' });
    const communes = Array.from({ length: 20 }, (_, i) => aCommune(mission.id, { name: `Commune ${i + 1}` }));
    await seedRecords(page, { missions: [mission], communes });

    await page.addScriptTag({ path: DEXIE_UMD });
    const bulkWriteMs = await page.evaluate(
      async ({ missionId, communeIds, count }) => {
        const Dexie = (window as unknown as { Dexie: typeof import('dexie').Dexie }).Dexie;
        const db = new Dexie('terrain');
        await db.open();
        const now = Date.now();
        const notes = Array.from({ length: count }, (_, i) => {
          const at = new Date(now - i * 60_000).toISOString();
          return {
            id: `BENCH${String(i).padStart(8, '0')}`,
            missionId,
            communeId: communeIds[i % communeIds.length],
            createdAt: at,
            updatedAt: at,
            deletedAt: null,
            visitDate: '2024-07-23',
            authorIds: [],
            peopleMet: 'Le maire et deux conseillers',
            observations: `Note ${i + 1} : le forage fonctionne, la clôture est à moitié posée, le comité se réunit chaque mois.`,
            difficulties: '',
            recommendations: '',
            achievements: [
              { id: `A${i}`, activity: 'Forage', plannedFcfa: 1_250_000, spentFcfa: 1_000_000, state: 'acheve' },
            ],
            gps: null,
            state: 'brouillon',
          };
        });
        const started = performance.now();
        await db.table('visitNotes').bulkAdd(notes);
        const ms = performance.now() - started;
        db.close();
        return ms;
      },
      { missionId: mission.id, communeIds: communes.map((c) => c.id), count: NOTE_COUNT },
    );

    await page.goto(`${server.url}/missions/${mission.id}`);
    await page.getByRole('navigation', { name: 'Pages de la mission' }).waitFor();
    const listColdMs = await timeVisitsTab(page);
    const rowsInDom = await page.locator('ol[aria-label="Notes de visite"] > li').count();
    await page.getByRole('navigation', { name: 'Pages de la mission' }).getByRole('link', { name: 'Aperçu' }).click();
    await page.waitForTimeout(200);
    const listWarmMs = await timeVisitsTab(page);
    return { bulkWriteMs, listColdMs, listWarmMs, rowsInDom };
  } finally {
    await browser.close();
  }
}
