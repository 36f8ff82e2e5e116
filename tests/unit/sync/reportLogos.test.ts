// A logo chosen on phone A appears in phone B's report after both sync (issue 13): the logo is a
// photo record of usage 'logo' whose bytes go through the photo pipeline (missing → tus upload →
// possession by the mission → download by B, hash checked), read back from B's Word and PDF.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMissionLogo, missionLogos, removeMissionLogo, TooManyLogosError } from '../../../src/db/repositories/logos';
import { loadMissionBundleData } from '../../../src/db/repositories/reportBundle';
import { db as appDb } from '../../../src/db/schema';
import type { ProcessedPhoto } from '../../../src/photos/messages';
import { bundleFromData } from '../../../src/report/bundle';
import { buildDocx } from '../../../src/report/docx';
import { buildPdf } from '../../../src/report/pdf';
import type { Mission } from '../../../src/shared/model';
import { aPhoto } from '../../fixtures/builders';
import { bannerJpeg, type LogoImage, sealPng } from '../report/logoImages';
import { pdfImagesPerPage } from '../report/readBack';
import { adminOf, type Device, twoMembersOnOneMission } from './support/device';
import { type InProcessServer, startInProcessServer } from './support/inProcessServer';

let server: InProcessServer;
let admin: Awaited<ReturnType<typeof adminOf>>;
let a: Device;
let b: Device;
let mission: Mission;
let seal: LogoImage;

beforeAll(async () => {
  server = await startInProcessServer();
  admin = await adminOf(server);
  seal = await sealPng();
});
afterAll(() => server.close());

beforeEach(async () => {
  ({ a, b, mission } = await twoMembersOnOneMission(server, admin));
});

/** The image as the photo worker hands it over (made small already; a PNG stays a PNG). */
function processed(logo: LogoImage): ProcessedPhoto {
  const blob = new Blob([logo.bytes as Uint8Array<ArrayBuffer>], { type: logo.mime });
  return {
    blob,
    thumb: blob,
    hash: logo.hash,
    mime: logo.mime,
    width: logo.width,
    height: logo.height,
    bytes: logo.bytes.length,
    takenAt: null,
    exifLat: null,
    exifLon: null,
  };
}

const SLOW_MACHINE_MS = 120_000;

describe('a logo set on phone A, in phone B’s report', { timeout: SLOW_MACHINE_MS }, () => {
  it('reaches B through the photo pipeline and is on the title page of B’s Word and PDF', async () => {
    await addMissionLogo(mission.id, processed(seal));
    await a.sync();
    expect(server.log.some((r) => r.device === 'a' && r.path.startsWith('/api/photos/uploads'))).toBe(true);

    await b.sync();
    const stored = await b.db.photoBlobs.get(seal.hash);
    expect(stored).toBeDefined();
    const received = new Uint8Array(await stored!.blob.arrayBuffer());
    expect(createHash('sha256').update(received).digest('hex')).toBe(seal.hash);

    const data = await loadMissionBundleData(mission.id, { db: b.db });
    expect(data?.settings?.logoHashes).toEqual([seal.hash]);
    // A logo is not a visit photo: the report's photo list does not see it.
    expect(data?.photos.map((p) => p.hash)).not.toContain(seal.hash);
    const bundle = bundleFromData(data!);
    const docx = unzipSync(await buildDocx(bundle));
    const media = Object.entries(docx).filter(([p]) => p.startsWith('word/media/'));
    expect(media.some(([, bytes]) => Buffer.from(bytes).equals(Buffer.from(seal.bytes)))).toBe(true);
    const xml = strFromU8(docx['word/document.xml']);
    expect(xml.indexOf('<w:drawing>')).toBeLessThan(xml.indexOf(mission.title));
    expect((await pdfImagesPerPage(await buildPdf(bundle)))[0]).toBe(1);
  });

  it('leaves B’s title page when A removes it', async () => {
    const logo = await addMissionLogo(mission.id, processed(seal));
    await a.sync();
    await b.sync();
    await removeMissionLogo(logo.id);
    await a.sync();
    await b.sync();
    expect((await loadMissionBundleData(mission.id, { db: b.db }))?.settings?.logoHashes ?? []).toEqual([]);
  });

  it('drops a logo the server refused (a fourth, from another phone) when it is removed: nothing stays refused', async () => {
    const banner = await bannerJpeg();
    for (const n of [1, 2, 3]) {
      const bytes = new Uint8Array([...banner.bytes, n]);
      await addMissionLogo(
        mission.id,
        processed({ ...banner, bytes, hash: createHash('sha256').update(bytes).digest('hex') }),
      );
    }
    // B adds its own logo offline, and syncs after A's three arrived.
    await b.db.photoBlobs.add({
      hash: seal.hash,
      blob: processed(seal).blob,
      thumb: processed(seal).blob,
      uploaded: 0,
    });
    const late = await b.insert('photos', aPhoto(mission.id, mission.id, { hash: seal.hash, usage: 'logo' }));
    await a.sync();
    await b.sync();
    expect((await b.db.outbox.toArray()).map((row) => row.rejected?.code)).toEqual(['too-many-logos']);

    await b.remove('photos', late.id);
    await b.sync();
    expect(await b.db.outbox.toArray()).toEqual([]);
    expect((await b.db.photos.get(late.id))?.deletedAt).toBeTruthy();
    expect((await missionLogos(mission.id)).length).toBe(3);
  });

  it('keeps one logo per image and at most three', async () => {
    const banner = await bannerJpeg();
    const other = (n: number): LogoImage => {
      const bytes = new Uint8Array([...banner.bytes, n]);
      return { ...banner, bytes, hash: createHash('sha256').update(bytes).digest('hex') };
    };
    await addMissionLogo(mission.id, processed(seal));
    await addMissionLogo(mission.id, processed(seal));
    await addMissionLogo(mission.id, processed(other(1)));
    await addMissionLogo(mission.id, processed(other(2)));
    await expect(addMissionLogo(mission.id, processed(other(3)))).rejects.toBeInstanceOf(TooManyLogosError);
    expect((await missionLogos(mission.id)).map((l) => l.hash)).toEqual([seal.hash, other(1).hash, other(2).hash]);
    expect(await appDb.photos.where('missionId').equals(mission.id).count()).toBe(3);
  });
});
