// Delivery figures of issue 12: bytes on the wire for the first screen and for the whole first
// install (service worker precache), and Lighthouse on the first screen. Lighthouse's simulated
// throttling replays a trace taken at full speed on this machine, so one run can land either side
// of the paint: the median of LIGHTHOUSE_RUNS runs (3 by default) is reported, then one run with
// the same throttling really applied (DevTools), as a cross-check.
import type { RunningServer } from '../e2e/support/server';
import { FIRST_SCREEN_WIRE_TARGET_BYTES, measureFirstScreenJs } from './firstScreen';
import { LIGHTHOUSE_TARGETS, type LighthouseFigures, measureLighthouse } from './lighthouse';
import { measurePrecache, PRECACHE_WIRE_TARGET_BYTES } from './precache';

export type BenchLine = [name: string, value: string, target: string, ok: boolean];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function lighthouseLines(label: string, f: LighthouseFigures, judged: boolean): BenchLine[] {
  const t = LIGHTHOUSE_TARGETS;
  const ok = (pass: boolean) => !judged || pass;
  return [
    [
      `Lighthouse ${label}: perf / a11y / best practices`,
      `${f.performance} / ${f.accessibility} / ${f.bestPractices}`,
      judged ? `>= ${t.performance} / ${t.accessibility} / ${t.bestPractices}` : 'informative',
      ok(f.performance >= t.performance && f.accessibility >= t.accessibility && f.bestPractices >= t.bestPractices),
    ],
    [
      `Lighthouse ${label}: first contentful paint`,
      s(f.fcpMs),
      judged ? s(t.fcpMs) : 'informative',
      ok(f.fcpMs <= t.fcpMs),
    ],
    [
      `Lighthouse ${label}: largest contentful paint`,
      s(f.lcpMs),
      judged ? s(t.lcpMs) : 'informative',
      ok(f.lcpMs <= t.lcpMs),
    ],
    [
      `Lighthouse ${label}: cumulative layout shift`,
      f.cls.toFixed(3),
      judged ? '0.02' : 'informative',
      ok(f.cls <= 0.02),
    ],
  ];
}

export async function measureDelivery(
  server: RunningServer,
  measured?: { wireBytes: number },
): Promise<{ lines: BenchLine[]; notes: string[] }> {
  const lines: BenchLine[] = [];
  const notes: string[] = [];
  const firstScreen = measured ?? (await measureFirstScreenJs(server));
  lines.push([
    'first screen: bytes on the wire (brotli)',
    kb(firstScreen.wireBytes),
    kb(FIRST_SCREEN_WIRE_TARGET_BYTES),
    firstScreen.wireBytes <= FIRST_SCREEN_WIRE_TARGET_BYTES,
  ]);
  const precache = await measurePrecache(server);
  lines.push([
    `first install: precache on the wire (${precache.files} files)`,
    kb(precache.wireBytes),
    kb(PRECACHE_WIRE_TARGET_BYTES),
    precache.wireBytes <= PRECACHE_WIRE_TARGET_BYTES,
  ]);
  lines.push([
    `first install: text files sent compressed`,
    `${precache.compressedTextFiles} / ${precache.textFiles}`,
    'all',
    precache.compressedTextFiles === precache.textFiles,
  ]);
  for (const file of precache.largest)
    notes.push(`      ${file.url.padEnd(50)} ${kb(file.wireBytes).padStart(10)} on the wire`);

  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
  const simulated: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) simulated.push(await measureLighthouse(server.url));
  simulated.sort((a, b) => a.performance - b.performance);
  const median = simulated[Math.floor(simulated.length / 2)];
  if (median) {
    lines.push(...lighthouseLines(`simulated, median of ${runs}`, median, true));
    if (median.failedAudits.length) notes.push(`      audits under 1: ${median.failedAudits.join(', ')}`);
  }
  lines.push(...lighthouseLines('applied (DevTools)', await measureLighthouse(server.url, 'devtools'), false));
  return { lines, notes };
}
