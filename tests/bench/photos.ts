// Photo bench: in the built app, in Chromium, with real 12-megapixel JPEGs (4000 x 3000) chosen in
// a visit note: the worker's time and output size for one photo, and the longest task the UI thread
// ran while ten were processed (PerformanceObserver 'longtask': only tasks over 50 ms are reported).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedRecords, VisitNotePage } from '../e2e/pages/VisitPages';
import { launchBrowser, newPhoneContext } from '../e2e/support/browser';
import { drawJpegs } from '../e2e/support/jpeg';
import type { RunningServer } from '../e2e/support/server';
import { aCommune, aMission, aVisitNote } from '../fixtures/builders';

export const PHOTO_TIME_TARGET_MS = 1000;
export const PHOTO_SIZE_TARGET_BYTES = 400 * 1024;
export const LONG_TASK_TARGET_MS = 50;

export interface PhotoFigures {
  inputBytes: number;
  oneMs: number;
  oneBytes: number;
  tenMs: number;
  longestTaskMs: number;
  longTasks: number;
}

declare global {
  interface Window {
    benchLongTasks: number[];
  }
}

export async function measurePhotos(server: RunningServer): Promise<PhotoFigures> {
  const browser = await launchBrowser();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-bench-photos-'));
  try {
    const context = await newPhoneContext(browser);
    // Files go in by path (as a real file picker gives them), not as buffers decoded in the page,
    // which would itself block the UI thread and spoil the measure.
    const painter = await context.newPage();
    const jpegs = await drawJpegs(painter, 4000, 3000, 11);
    await painter.close();
    const files = jpegs.map((buffer, i) => {
      const file = path.join(folder, `IMG_${String(i).padStart(4, '0')}.jpg`);
      fs.writeFileSync(file, buffer);
      return file;
    });

    const page = await context.newPage();
    await page.addInitScript(() => {
      window.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const mission = aMission({ title: 'Mission de mesure' });
    const commune = aCommune(mission.id, { name: 'Kéra' });
    const note = aVisitNote(mission.id, commune.id);
    await seedRecords(page, { missions: [mission], communes: [commune], visitNotes: [note] });
    await page.goto(`${server.url}/missions/${mission.id}/visits/${note.id}`);
    const visit = new VisitNotePage(page);
    await visit.title().waitFor();

    const photoInput = page.getByLabel('Choisir dans la galerie');
    await photoInput.setInputFiles(files[0]);
    await visit.photos().first().waitFor({ timeout: 120_000 });
    const [one] = await page.evaluate(() =>
      performance
        .getEntriesByName('terrain:photo')
        .map((e) => ({ ms: e.duration, bytes: (e as PerformanceMeasure).detail })),
    );

    await page.evaluate(() => {
      window.benchLongTasks = [];
    });
    const started = Date.now();
    await photoInput.setInputFiles(files.slice(1));
    await page.waitForFunction(() => performance.getEntriesByName('terrain:photo').length >= 11, null, {
      timeout: 300_000,
      polling: 200,
    });
    await visit.photos().nth(10).waitFor();
    const tenMs = Date.now() - started;
    const longTasks = await page.evaluate(() => window.benchLongTasks);
    return {
      inputBytes: jpegs[0].length,
      oneMs: one.ms,
      oneBytes: one.bytes as number,
      tenMs,
      longestTaskMs: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
    };
  } finally {
    await browser.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
