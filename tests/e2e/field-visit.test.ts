import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCommune, aMission, aParticipant, aVisitNote } from '../fixtures/builders';
import { seedRecords, VisitList, VisitNotePage } from './pages/VisitPages';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { corruptJpeg, drawJpegs, withExif } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Amounts and rates are printed with no-break spaces (U+00A0). */
const nb = (s: string) => s.replaceAll(' ', '\u00a0');

/** A fresh phone with a mission (two fictional participants, communes as given), offline. */
async function offlinePhoneWithMission(options: { communes?: string[]; offline?: boolean } = {}) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByText('Aucune mission pour l’instant.').waitFor();
  const mission = aMission({ title: 'Mission de démonstration' });
  const communes = (options.communes ?? []).map((name, i) =>
    aCommune(mission.id, { name, plannedDate: `2024-07-2${3 + i}` }),
  );
  await seedRecords(page, {
    missions: [mission],
    participants: [
      aParticipant(mission.id, { order: 1, fullName: 'Awa Exemple' }),
      aParticipant(mission.id, { order: 2, fullName: 'Moussa Exemple' }),
    ],
    communes,
  });
  if (options.offline !== false) await goOffline(context, page);
  const list = new VisitList(page);
  await list.open(server.url, mission.id);
  return { context, page, mission, communes, list };
}

async function fieldValue(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).inputValue();
}

async function closeAll(context: BrowserContext) {
  await context.close();
}

describe('a visit note, offline', () => {
  it('is written with two achievement lines and shows their totals and rates', async () => {
    const { context, page, list } = await offlinePhoneWithMission({ communes: ['Kéra', 'Sokoura'] });
    const note = await list.newVisit({ choose: 'Sokoura' });
    await expect.poll(() => note.title().textContent()).toBe('Visite à Sokoura');
    await note.author('Moussa Exemple').check();
    await note.field('Personnes rencontrées').fill('Le maire, deux conseillers, le chef de village');
    await note.field('Observations').fill('Le forage fonctionne ; la clôture du jardin est à moitié posée.');
    await note.addAchievement({
      activity: 'Forage pastoral',
      planned: '1250000',
      spent: '1 000 000',
      state: 'Achevée',
    });
    await note.addAchievement({ activity: 'Formation des femmes', planned: '750 000', spent: '500000' });

    await expect.poll(() => note.totals()).toEqual([nb('2 000 000 FCFA'), nb('1 500 000 FCFA'), nb('75 %'), '']);
    expect(await note.achievement(1).getByRole('status').textContent()).toBe(nb('80 %'));
    expect(await note.achievement(1).getByLabel('Budget prévu (FCFA)').inputValue()).toBe(nb('1 250 000'));
    expect(await note.summaryLine(1)).toEqual([
      'Forage pastoral',
      nb('1 250 000 FCFA'),
      nb('1 000 000 FCFA'),
      nb('80 %'),
      'Achevée',
    ]);

    await note.waitSaved();
    await page.reload();
    await note.title().waitFor();
    expect(await note.author('Moussa Exemple').isChecked()).toBe(true);
    expect(await note.author('Awa Exemple').isChecked()).toBe(false);
    expect(await fieldValue(page, 'Observations')).toBe(
      'Le forage fonctionne ; la clôture du jardin est à moitié posée.',
    );
    expect(await note.totals()).toEqual([nb('2 000 000 FCFA'), nb('1 500 000 FCFA'), nb('75 %'), '']);
    await closeAll(context);
  });

  it('shows a wrong amount next to its field and keeps what was typed', async () => {
    const { context, page, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.addAchievement({ activity: 'Clôture', planned: '300 000', spent: '12O 000' });
    const spent = note.achievement(1).getByLabel('Dépensé (FCFA)');
    expect(await spent.getAttribute('aria-invalid')).toBe('true');
    expect(await note.achievement(1).getByRole('alert').textContent()).toContain('chiffres seulement');
    expect(await spent.inputValue()).toBe('12O 000');
    await page.reload();
    await note.title().waitFor();
    expect(await note.achievement(1).getByLabel('Dépensé (FCFA)').inputValue()).toBe('12O 000');
    await closeAll(context);
  });

  it('keeps every character typed when the page is reloaded in the middle of typing', async () => {
    const { context, page, list } = await offlinePhoneWithMission();
    const note = await list.newVisit({ type: 'Dioura' });
    await expect.poll(() => note.title().textContent()).toBe('Visite à Dioura');
    const text = 'Réunion à l’école : 34 élèves, 2 enseignants. Les latrines sont terminées; reste la peinture.';
    await note.field('Observations').click();
    await page.keyboard.type(text);
    await page.reload();
    await note.title().waitFor();
    expect(await fieldValue(page, 'Observations')).toBe(text);
    await note.waitSaved();
    const back = await note.backToList();
    await expect.poll(() => back.notes().first().textContent()).toContain('Réunion à l’école');
    await closeAll(context);
  });

  it('keeps every character typed when the tab crashes', async () => {
    const { context, page, list } = await offlinePhoneWithMission();
    const note = await list.newVisit({ type: 'Dioura' });
    await note.title().waitFor();
    const url = page.url();
    await note.field('Recommandations').click();
    await page.keyboard.type('Prévoir une seconde pompe');
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => {}); // never answers: the page is gone
    await crashed;
    const again = await context.newPage();
    await again.goto(url);
    const restored = new VisitNotePage(again);
    await restored.title().waitFor();
    expect(await fieldValue(again, 'Recommandations')).toBe('Prévoir une seconde pompe');
    await closeAll(context);
  });
});

describe('photos of a visit, offline', () => {
  it('resizes three 12-megapixel photos in the worker, keeps EXIF facts, and lists them captioned after a reload', async () => {
    const { context, page, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.title().waitFor();
    const [first, second, third] = await drawJpegs(page, 4000, 3000, 3);
    // The third was taken with the phone held upright: stored sideways, with orientation 6.
    const upright = withExif(third, {
      orientation: 6,
      dateTimeOriginal: '2024:07:23 10:15:00',
      gps: { lat: 14.4951, lon: -4.1963 },
    });
    await note.choosePhotos([
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: first },
      { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: second },
      { name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: upright },
    ]);
    await note
      .photoProgress()
      .getByText(/^Traitement des photos : [0-2] sur 3$/)
      .waitFor();
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(3);
    const details = await note.photos().allTextContents();
    expect(details[0]).toMatch(/1600 × 1200 px · \d+ Ko/);
    expect(details[1]).toMatch(/1600 × 1200 px/);
    expect(details[2]).toMatch(/1200 × 1600 px/);
    expect(details[2]).toContain('Prise le 23/07/2024');
    expect(details[2]).toContain('Position de la photo : 14,49510\u00a0; -4,19630');
    expect(details[0]).not.toContain('Prise le');

    const captions = ['Forage vu du nord', 'Bassin de rétention', 'Comité de gestion devant la pompe'];
    for (const [i, caption] of captions.entries()) await note.caption(i + 1).fill(caption);
    await note.waitSaved();

    await page.reload();
    await note.title().waitFor();
    await expect.poll(() => note.photos().count()).toBe(3);
    for (const [i, caption] of captions.entries()) expect(await note.caption(i + 1).inputValue()).toBe(caption);
    const thumbnails = note.photoSection().getByRole('img');
    await expect.poll(() => thumbnails.count()).toBe(3);
    await expect
      .poll(() => thumbnails.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)))
      .toEqual([240, 240, 180]);
    expect(await thumbnails.nth(1).getAttribute('alt')).toBe('Bassin de rétention');
    await closeAll(context);
  });

  it('makes photos smaller when a smaller size is chosen in the settings', async () => {
    const { context, page, mission, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    await page.goto(`${server.url}/settings`);
    const size = page.getByLabel('Taille des photos enregistrées');
    await size.selectOption({ label: '1024 px de côté' });
    await page.reload();
    await expect.poll(() => size.inputValue()).toBe('1024');
    await list.open(server.url, mission.id);
    const note = await list.newVisit({ choose: 'Kéra' });
    const [jpeg] = await drawJpegs(page, 4000, 3000, 1);
    await note.choosePhotos([{ name: 'IMG_0100.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    expect(await note.photos().first().textContent()).toContain('1024 × 768 px');
    await closeAll(context);
  });

  it('rejects a corrupt image and a text file with a message, and loses nothing else', async () => {
    const { context, page, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.field('Observations').fill('Le magasin de stockage est terminé.');
    const [good] = await drawJpegs(page, 1200, 900, 1);
    await note.choosePhotos([
      { name: 'abimee.jpg', mimeType: 'image/jpeg', buffer: corruptJpeg(good) },
      { name: 'bonne.jpg', mimeType: 'image/jpeg', buffer: good },
      { name: 'liste.txt', mimeType: 'text/plain', buffer: Buffer.from('pas une photo') },
    ]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    await expect
      .poll(() => note.photoErrors().textContent())
      .toContain('« abimee.jpg » est endommagée ou illisible : elle n’a pas été ajoutée.');
    expect(await note.photoErrors().textContent()).toContain(
      '« liste.txt » n’est pas une image : elle n’a pas été ajoutée.',
    );
    expect(await note.photos().first().textContent()).toContain('1200 × 900 px');
    expect(await fieldValue(page, 'Observations')).toBe('Le magasin de stockage est terminé.');

    await note.waitSaved();
    await page.reload();
    await note.title().waitFor();
    await expect.poll(() => note.photos().count()).toBe(1);
    expect(await fieldValue(page, 'Observations')).toBe('Le magasin de stockage est terminé.');
    await closeAll(context);
  });
});

describe('the GPS point of a visit, offline', () => {
  it('records the phone’s position with its accuracy', async () => {
    const { context, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: 13.4317, longitude: -6.2157, accuracy: 12 });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.recordPosition();
    await expect.poll(() => note.gpsSection().textContent()).toContain('13,43170\u00a0; -6,21570');
    expect(await note.gpsSection().textContent()).toContain('Précision : ± 12 m');
    await note.page.reload();
    await expect.poll(() => note.gpsSection().textContent()).toContain('13,43170\u00a0; -6,21570');
    await closeAll(context);
  });

  it('says what to do when location is refused', async () => {
    const { context, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.recordPosition();
    await expect
      .poll(() => note.gpsSection().getByRole('alert').textContent())
      .toContain('La localisation est refusée : autorisez-la pour Terrain dans les réglages du navigateur');
    expect(await note.gpsSection().textContent()).toContain('Aucune position enregistrée.');
    await closeAll(context);
  });
});

describe('the visits of a mission', () => {
  it('lists notes and finds them by commune or text, without accents', async () => {
    const { context, page, mission, communes, list } = await offlinePhoneWithMission({
      communes: ['Kéra', 'Ségou-Koura'],
      offline: false,
    });
    const [kera, segou] = communes;
    await seedRecords(page, {
      visitNotes: [
        aVisitNote(mission.id, kera.id, { observations: 'Forage réparé, comité actif.' }),
        aVisitNote(mission.id, segou.id, { peopleMet: 'Présidente des maraîchères', state: 'soumise' }),
        aVisitNote(mission.id, segou.id, { observations: 'Digue en cours.', state: 'validee' }),
      ],
    });
    await goOffline(context, page);
    await list.open(server.url, mission.id);
    await expect.poll(() => list.notes().count()).toBe(3);
    await list.search('segou');
    await expect.poll(() => list.notes().count()).toBe(2);
    await list.search('MARAICHERES');
    await expect.poll(() => list.notes().count()).toBe(1);
    expect(await list.notes().first().textContent()).toContain('Soumise');
    await list.search('pompe solaire');
    await page.getByText('Aucune note ne correspond à « pompe solaire ».').waitFor();
    await closeAll(context);
  });

  it('shows a validated note read-only', async () => {
    const { context, page, mission, communes, list } = await offlinePhoneWithMission({
      communes: ['Kéra'],
      offline: false,
    });
    await seedRecords(page, {
      visitNotes: [aVisitNote(mission.id, communes[0].id, { observations: 'Texte validé.', state: 'validee' })],
    });
    await list.open(server.url, mission.id);
    const note = await list.openNote('Kéra');
    await page.getByText('Cette note est validée : elle ne peut plus être modifiée.').waitFor();
    expect(await note.field('Observations').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Ajouter une réalisation' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /Enregistrer ma position/ }).count()).toBe(0);
    expect(await page.getByLabel('Choisir dans la galerie').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Soumettre la note' }).count()).toBe(0);
    await closeAll(context);
  });

  it('submits a draft, which stays editable until validated', async () => {
    const { context, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.page.getByText('Brouillon', { exact: true }).waitFor();
    await note.submit();
    await note.page.getByText('Note soumise aux coordinateurs.').waitFor();
    await note.page.getByText('Soumise', { exact: true }).waitFor();
    expect(await note.field('Observations').isDisabled()).toBe(false);
    await closeAll(context);
  });
});

describe('the visit note on a 360 px phone', () => {
  it('fits without horizontal scrolling, with achievements and photos', async () => {
    const { context, page, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.field('Observations').fill('Le forage fonctionne. Le comité de gestion se réunit chaque mois.');
    await note.addAchievement({ activity: 'Forage pastoral', planned: '12 500 000', spent: '11 000 000' });
    await note.addAchievement({ activity: 'Formation', planned: '750 000', spent: '0' });
    const photos = await drawJpegs(page, 2000, 1500, 2);
    await note.choosePhotos(photos.map((buffer, i) => ({ name: `p${i}.jpg`, mimeType: 'image/jpeg', buffer })));
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(2);
    await note.caption(1).fill('Forage vu du nord');
    await note.waitSaved();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/visit-note-360.png`, fullPage: true });
    }
    await closeAll(context);
  });
});

describe('a device running out of storage', () => {
  it('says plainly that storage is full, keeps what was saved, and loses nothing typed meanwhile', async () => {
    const { context, page, list } = await offlinePhoneWithMission({ communes: ['Kéra'] });
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.field('Observations').fill('Écrit avant que le disque soit plein.');
    await note.waitSaved();
    const [jpeg] = await drawJpegs(page, 4000, 3000, 1);
    // The disk fills up: from now on every IndexedDB write fails as a full device makes it fail.
    await page.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.add = full;
      IDBObjectStore.prototype.put = full;
    });
    const quota =
      'L’espace de stockage de l’appareil est plein : libérez de la place. Ce qui était déjà enregistré est conservé.';

    await note.choosePhotos([{ name: 'IMG_0200.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => note.photoErrors().textContent(), { timeout: 60_000 }).toContain(quota);
    expect(await note.photos().count()).toBe(0);

    await note.field('Difficultés').fill('Tapé pendant que le disque était plein.');
    await expect.poll(() => note.saveStatus().textContent()).toBe(quota);
    expect(await fieldValue(page, 'Observations')).toBe('Écrit avant que le disque soit plein.');

    // Space freed (a new page has the real IndexedDB): the saved text is there, the text typed
    // meanwhile comes back from the draft journal and is saved.
    await page.reload();
    await note.title().waitFor();
    expect(await fieldValue(page, 'Observations')).toBe('Écrit avant que le disque soit plein.');
    expect(await fieldValue(page, 'Difficultés')).toBe('Tapé pendant que le disque était plein.');
    await note.waitSaved();
    await closeAll(context);
  });
});
