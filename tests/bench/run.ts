// `npm run bench`: speed and size figures, printed as a table. Targets are checked and reported,
// not asserted in tests (this machine is shared and slow; tests must not depend on timing).
import path from 'node:path';
import { ensureBuilt } from '../../src/server/ensureBuilt';
import { startServer } from '../e2e/support/server';
import { measureDelivery } from './delivery';
import { fastLinkLines, measureFastLinkUpload } from './fastLinkUpload';
import { FIRST_SCREEN_BUDGET_BYTES, measureFirstScreenJs } from './firstScreen';
import { fullSyncLines, measureFullSync } from './fullSync';
import { freshBenchDatabase, loadLines, measureLoads } from './load';
import { LIST_FIRST_SCREEN_TARGET_MS, measureNotes, NOTE_COUNT } from './notes';
import { LONG_TASK_TARGET_MS, measurePhotos, PHOTO_SIZE_TARGET_BYTES, PHOTO_TIME_TARGET_MS } from './photos';
import { measurePushThroughput, PUSH_TARGET_PER_SECOND } from './pushThroughput';
import { measureFigures, measureReports, reportChunkSizes, reportLines } from './report';
import { measureReview, REVIEW_FIRST_ROW_TARGET_MS, REVIEW_NOTE_COUNT } from './review';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(name: string, value: string, target: string, ok: boolean) {
  console.log(`${ok ? 'OK  ' : 'OVER'}  ${name.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
}

const root = path.resolve(import.meta.dirname, '../..');
// DIST_DIR: a build of one's own (the server started below reads it too).
await ensureBuilt(root, path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist')));
const server = await startServer();
try {
  const firstScreen = await measureFirstScreenJs(server);
  for (const s of firstScreen.scripts)
    console.log(`      ${s.url.padEnd(50)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(9)} gz`);
  report(
    'first screen JavaScript (gzipped)',
    kb(firstScreen.gzipTotal),
    kb(FIRST_SCREEN_BUDGET_BYTES),
    firstScreen.gzipTotal <= FIRST_SCREEN_BUDGET_BYTES,
  );
  report(
    'first screen shown after navigation (local)',
    `${firstScreen.firstScreenMs.toFixed(0)} ms`,
    'informative',
    true,
  );
  const delivery = await measureDelivery(server, firstScreen);
  for (const line of delivery.lines) report(...line);
  for (const note of delivery.notes) console.log(note);

  const photos = await measurePhotos(server);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  report(
    'photo: 12 MP JPEG processed in the worker',
    ms(photos.oneMs),
    ms(PHOTO_TIME_TARGET_MS),
    photos.oneMs < PHOTO_TIME_TARGET_MS,
  );
  report(
    `photo: stored size (input ${kb(photos.inputBytes)})`,
    kb(photos.oneBytes),
    kb(PHOTO_SIZE_TARGET_BYTES),
    photos.oneBytes < PHOTO_SIZE_TARGET_BYTES,
  );
  report(
    `photo: longest UI task, 10 photos (${photos.longTasks} over 50 ms)`,
    photos.longTasks === 0 ? '< 50 ms' : ms(photos.longestTaskMs),
    `< ${LONG_TASK_TARGET_MS} ms`,
    photos.longestTaskMs < LONG_TASK_TARGET_MS,
  );
  report('photo: 10 photos chosen at once, all stored', ms(photos.tenMs), 'informative', true);

  const notes = await measureNotes(server);
  report(`notes: Dexie bulk write of ${NOTE_COUNT} notes`, ms(notes.bulkWriteMs), 'informative', true);
  report(
    `notes: first screen of a ${NOTE_COUNT}-note list`,
    ms(notes.listColdMs),
    ms(LIST_FIRST_SCREEN_TARGET_MS),
    notes.listColdMs < LIST_FIRST_SCREEN_TARGET_MS,
  );
  report(
    `notes: same, screen code already loaded (${notes.rowsInDom} rows in DOM)`,
    ms(notes.listWarmMs),
    'informative',
    true,
  );

  const review = await measureReview(server);
  report(
    `review: /review first row of ${REVIEW_NOTE_COUNT} notes (${review.rowsInDom} rows in DOM)`,
    ms(review.coldMs),
    ms(REVIEW_FIRST_ROW_TARGET_MS),
    review.coldMs < REVIEW_FIRST_ROW_TARGET_MS,
  );
  report('review: same, screen code already loaded', ms(review.warmMs), 'informative', true);
  report(`review: search typed over all notes (${review.searchCount})`, ms(review.searchMs), 'informative', true);
} finally {
  await server.stop();
}

// PostgreSQL runs when an admin URL is given (BENCH_PG_URL, or the tests' TERRAIN_TEST_PG_URL).
const postgresUrl = process.env.BENCH_PG_URL ?? process.env.TERRAIN_TEST_PG_URL;
const pushed = await measurePushThroughput();
const pushRuns: [string, number][] = [
  ['push: new records on SQLite (batches of 200)', pushed.createPerSecond],
  ['push: field edits on SQLite (batches of 200)', pushed.updatePerSecond],
];
if (postgresUrl) {
  const database = await freshBenchDatabase(postgresUrl);
  try {
    const onPostgres = await measurePushThroughput(database.url);
    pushRuns.push(['push: new records on PostgreSQL (batches of 200)', onPostgres.createPerSecond]);
    pushRuns.push(['push: field edits on PostgreSQL (batches of 200)', onPostgres.updatePerSecond]);
  } finally {
    await database.drop();
  }
}
for (const [name, perSecond] of pushRuns) {
  report(
    name,
    `${perSecond.toFixed(0)} mut/s`,
    `>= ${PUSH_TARGET_PER_SECOND} mut/s`,
    perSecond >= PUSH_TARGET_PER_SECOND,
  );
}

for (const line of loadLines(await measureLoads(postgresUrl))) report(...line);

for (const line of fullSyncLines(await measureFullSync())) report(...line);
for (const line of fastLinkLines(await measureFastLinkUpload())) report(...line);

for (const chunk of reportChunkSizes(path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist'))))
  report(
    `on demand: ${chunk.file.replace(/-[\w-]+\.(js|ttf)$/, '.$1')} (gzipped)`,
    kb(chunk.gzip),
    'not on first screen',
    true,
  );
for (const line of reportLines(await measureReports(), await measureFigures())) report(...line);
