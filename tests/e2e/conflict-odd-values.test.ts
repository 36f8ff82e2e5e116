// Odd values that an older server stored (it did not check conflict values against the field's
// schema) or that old data still holds: `achievements: [null]`, a 150 KB object, a text where a
// list is expected, nested nulls, a GPS point without numbers, a side with no author. Today's
// server refuses them on push, so they are written here straight into its database, as it stored
// them then; the phone pulls them like any record. The mission overview, the notes and /review
// must show them plainly and keep working: no crash, no blank screen.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/server/db/database';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { Conflict } from '../../src/shared/model';
import type { User } from '../../src/shared/protocol';
import { createSyncApi } from '../../src/sync/api';
import { aCommune, aMission, aVisitNote } from '../fixtures/builders';
import { createMutation } from '../fixtures/mutations';
import { LoginPage } from './pages/LoginPage';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { ConflictView, ReviewScreen } from './pages/ReviewPages';
import { VisitNotePage } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let mariam: User;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  const admin = await adminApiOf(server.url);
  mariam = await createAccount(admin, 'Mariam Exemple', { role: 'coordinator', email: freshEmail('mariam') });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Planted {
  table: string;
  id: string;
  missionId: string;
  data: Record<string, unknown>;
}

/**
 * Writes records into the server's SQLite database as the server itself does (src/server/sync/
 * records.ts, conflicts.ts): each change takes the next number of the `change_seq` counter, in one
 * transaction, so a pull serves it after everything before. A record already there gets the fields
 * given and a new version.
 */
function plantOnServer(records: Planted[]) {
  const sqlite = new BetterSqlite3(path.join(server.dataDir, SQLITE_FILE));
  sqlite.pragma('busy_timeout = 5000');
  const at = new Date().toISOString();
  const meta = (fields: string[], v: number) =>
    Object.fromEntries(fields.map((f) => [f, { v, userId: '', by: 'serveur', at, clientId: 'server' }]));
  sqlite.transaction(() => {
    for (const record of records) {
      const { value: seq } = sqlite
        .prepare("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value")
        .get() as { value: number };
      const stored = sqlite
        .prepare('SELECT version, data, field_meta FROM records WHERE table_name = ? AND id = ?')
        .get(record.table, record.id) as { version: number; data: string; field_meta: string } | undefined;
      if (stored) {
        const version = stored.version + 1;
        sqlite
          .prepare('UPDATE records SET version = ?, seq = ?, data = ?, field_meta = ? WHERE table_name = ? AND id = ?')
          .run(
            version,
            seq,
            JSON.stringify({ ...JSON.parse(stored.data), ...record.data }),
            JSON.stringify({ ...JSON.parse(stored.field_meta), ...meta(Object.keys(record.data), version) }),
            record.table,
            record.id,
          );
      } else {
        sqlite
          .prepare(
            'INSERT INTO records (table_name, id, mission_id, version, seq, data, field_meta) VALUES (?, ?, ?, 1, ?, ?, ?)',
          )
          .run(
            record.table,
            record.id,
            record.missionId,
            seq,
            JSON.stringify(record.data),
            JSON.stringify(meta(Object.keys(record.data), 1)),
          );
      }
    }
  })();
  sqlite.close();
}

/** A conflict as an older server stored it: the record's value first, the pushed (odd) one second. */
function oddConflict(
  missionId: string,
  table: string,
  recordId: string,
  field: string,
  kept: unknown,
  pushed: unknown,
  pusher: { by: unknown; at: unknown } = { by: 'Ibrahim Exemple', at: '2024-07-23T10:00:00.000Z' },
): Planted {
  const id = ulid();
  const at = '2024-07-23T10:00:00.000Z';
  const data: Conflict = {
    id,
    missionId,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    table,
    recordId,
    field,
    values: [
      { value: kept, by: 'Mariam Exemple', userId: mariam.id, at },
      { value: pushed, by: pusher.by as string, userId: 'u-ibrahim', at: pusher.at as string },
    ],
    resolvedAt: null,
    resolvedBy: null,
  };
  return { table: 'conflicts', id, missionId, data };
}

/** Fails on anything that shows a crash instead of the screen. */
async function expectNoCrash(page: Page, pageErrors: string[]) {
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toContain('Cannot read properties');
  expect(text).not.toContain('Une erreur inattendue est survenue');
  expect(pageErrors).toEqual([]);
}

describe('conflicts and notes holding odd values', () => {
  it('are shown plainly on the overview, the notes and /review, and every screen keeps working', async () => {
    // A mission with two notes, pushed normally.
    const api = createSyncApi(await apiClientAs(server.url, mariam.email, PASSWORD));
    const mission = aMission({
      title: 'Mission aux valeurs étranges',
      vehicles: [{ id: ulid(), label: 'Pick-up', driver: 'Chauffeur Exemple', seats: 4 }],
    });
    const kera = aCommune(mission.id, { name: 'Kéra' });
    const sokoura = aCommune(mission.id, { name: 'Sokoura' });
    const forage = { id: ulid(), activity: 'Forage', plannedFcfa: 1_250_000, spentFcfa: null, state: 'en_cours' };
    const noteKera = aVisitNote(mission.id, kera.id, { achievements: [forage as never], observations: 'Lisible' });
    const noteSokoura = aVisitNote(mission.id, sokoura.id, { observations: 'Note abîmée', state: 'soumise' });
    await api.push({
      protocolVersion: PROTOCOL_VERSION,
      clientId: 'mariam-tablet',
      mutations: [
        createMutation('missions', mission),
        createMutation('communes', kera),
        createMutation('communes', sokoura),
        createMutation('visitNotes', noteKera),
        createMutation('visitNotes', noteSokoura),
      ],
    });

    // What an older server let in.
    const big = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`cle${i}`, 'x'.repeat(90)]));
    expect(JSON.stringify(big).length).toBeGreaterThan(150_000);
    const conflict = (table: string, recordId: string, field: string, kept: unknown, pushed: unknown) =>
      oddConflict(mission.id, table, recordId, field, kept, pushed);
    plantOnServer([
      conflict('visitNotes', noteKera.id, 'achievements', [forage], [null]),
      conflict('visitNotes', noteKera.id, 'observations', 'Lisible', big),
      conflict('visitNotes', noteKera.id, 'gps', null, { lat: null, lon: 'ouest', accuracyM: null }),
      conflict('visitNotes', noteKera.id, 'authorIds', [], [null, 7, { a: null }]),
      conflict('missions', mission.id, 'vehicles', mission.vehicles, 'pas une liste'),
      conflict('missions', mission.id, 'title', mission.title, [[null, [null, { a: [null] }]]]),
      oddConflict(mission.id, 'visitNotes', noteKera.id, 'peopleMet', 'Le maire', 'Le chef', { by: null, at: 42 }),
      // Odd values in the note itself, not only in a conflict.
      {
        table: 'visitNotes',
        id: noteSokoura.id,
        missionId: mission.id,
        data: { achievements: [null, { activity: null }], gps: { lat: null }, authorIds: [null] },
      },
    ]);

    // Mariam's phone receives all of it.
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const login = new LoginPage(page);
    await login.open(server.url);
    await login.logInAndWait(mariam.email, PASSWORD);

    // The overview: every conflict shown, the odd values in plain words, the rest of the page there.
    await new MissionsList(page).missionLinkTo(mission.id).click();
    const conflicts = page.getByRole('list', { name: 'Conflits en attente' });
    await expect.poll(() => conflicts.getByRole('article').count(), { timeout: 30_000 }).toBe(7);
    await expect.poll(() => new MissionPage(page).logistics().textContent()).toContain('Pick-up');
    const achievements = new ConflictView(conflicts.getByRole('article', { name: 'Réalisations : deux versions' }));
    await achievements.side('Mariam Exemple').getByText('Forage').waitFor();
    expect(await achievements.side('Ibrahim Exemple').textContent()).toContain('Valeur illisible');
    const observations = new ConflictView(conflicts.getByRole('article', { name: 'Observations : deux versions' }));
    const bigSide = (await observations.side('Ibrahim Exemple').textContent()) ?? '';
    expect(bigSide).toContain('Valeur illisible');
    expect(bigSide).toContain('cle0');
    expect(bigSide.length).toBeLessThan(2_000); // shown cut short, not 150 KB of text
    const vehicles = new ConflictView(conflicts.getByRole('article', { name: 'Véhicules : deux versions' }));
    expect(await vehicles.side('Ibrahim Exemple').textContent()).toContain('pas une liste');
    const unknownAuthor = new ConflictView(
      conflicts.getByRole('article', { name: 'Personnes rencontrées : deux versions' }),
    );
    await unknownAuthor.side('auteur inconnu').getByText('Le chef').waitFor();
    await expectNoCrash(page, pageErrors);
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/conflict-odd-values-360.png`, fullPage: true });
    }

    // The note with odd conflicts: the note and its review panel are there, the conflicts too.
    await conflicts
      .getByRole('listitem')
      .filter({ has: page.getByRole('article', { name: 'Position GPS : deux versions' }) })
      .getByRole('link', { name: 'Ouvrir la note' })
      .click();
    const note = new VisitNotePage(page);
    await note.title().waitFor();
    expect(await note.field('Observations').inputValue()).toBe('Lisible');
    const panel = page.getByRole('region', { name: 'Revue', exact: true });
    await expect.poll(() => panel.getByRole('article').count()).toBe(5);
    expect(await panel.getByRole('article', { name: 'Position GPS : deux versions' }).textContent()).toContain(
      'Valeur illisible',
    );
    await expectNoCrash(page, pageErrors);

    // The note whose own fields are odd: it opens, its text is there, the part it cannot show says so.
    await page.goto(`${server.url}/missions/${mission.id}/visits/${noteSokoura.id}`);
    await expect.poll(() => note.title().textContent()).toBe('Visite à Sokoura');
    expect(await note.field('Observations').inputValue()).toBe('Note abîmée');
    await panel.waitFor();
    // The GPS point without numbers cannot be shown: its part says so, in place.
    const unreadablePart = page.getByRole('alert').filter({ hasText: 'Cette partie ne peut pas s’afficher' });
    expect(await unreadablePart.count()).toBe(1);
    await expectNoCrash(page, pageErrors);

    // /review, as the coordinator: the queue and the conflicts.
    const review = new ReviewScreen(page);
    await review.open();
    await expect
      .poll(() => page.getByRole('list', { name: 'Conflits en attente' }).getByRole('article').count())
      .toBe(7);
    await expect.poll(() => review.notes().count()).toBe(2);
    expect(await review.conflict('Titre').root.textContent()).toContain('Valeur illisible');
    await expectNoCrash(page, pageErrors);
    await context.close();
  });
});
