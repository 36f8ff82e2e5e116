// Lighthouse (mobile defaults: simulated slow 4G, 4× CPU) on the served app, with Debian's
// Chromium on a fresh profile. Scores and paint times of the first screen.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../e2e/support/browser';

export const LIGHTHOUSE_TARGETS = { performance: 0.95, accessibility: 1, bestPractices: 1, fcpMs: 1200, lcpMs: 1800 };

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  cls: number;
  failedAudits: string[];
  /** Lighthouse's details of the audits worth reading when a target is missed. */
  details: Record<string, unknown>;
}

/** Chromium with a DevTools port Lighthouse connects to; the port is read from its stderr. */
async function launchChromium(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-lighthouse-'));
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ['--headless', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error(`Chromium exited:\n${err}`)));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          // Chromium's helper processes may still write into the profile for a moment after it
          // exits: retry, and never fail a measurement over a temporary folder left behind.
          try {
            fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
          } catch {
            // left in the system's temporary folder
          }
          resolve();
        });
        child.kill();
      }),
  };
}

export async function measureLighthouse(
  url: string,
  throttlingMethod: 'simulate' | 'devtools' = 'simulate',
): Promise<LighthouseFigures> {
  const chromium = await launchChromium();
  try {
    const result = await lighthouse(url, {
      port: chromium.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      ...(throttlingMethod === 'devtools' ? { throttlingMethod } : {}),
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    // LIGHTHOUSE_JSON=file keeps the whole report, to read why a target is missed.
    if (process.env.LIGHTHOUSE_JSON) fs.writeFileSync(process.env.LIGHTHOUSE_JSON, JSON.stringify(result.lhr));
    const { categories, audits } = result.lhr;
    const failedAudits = Object.values(audits)
      .filter(
        (a) =>
          a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
      )
      .map((a) => `${a.id} (${a.score})`);
    return {
      performance: categories.performance?.score ?? 0,
      accessibility: categories.accessibility?.score ?? 0,
      bestPractices: categories['best-practices']?.score ?? 0,
      fcpMs: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      failedAudits,
      details: Object.fromEntries(
        ['layout-shifts', 'largest-contentful-paint-element', 'color-contrast'].map((id) => [id, audits[id]?.details]),
      ),
    };
  } finally {
    await chromium.close();
  }
}
