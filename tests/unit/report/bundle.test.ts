// Reading a mission from the device's database for the report.
import { beforeEach, describe, expect, it } from 'vitest';
import { nowIso } from '../../../src/db/ids';
import { loadMissionBundle, loadMissionBundleData } from '../../../src/db/repositories/reportBundle';
import { db } from '../../../src/db/schema';
import { aMission, aTdrRevision } from '../../fixtures/builders';
import { demoMission } from '../../fixtures/reportBundle';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function seed() {
  const demo = demoMission();
  await db.missions.add(demo.mission);
  await db.tdrRevisions.bulkAdd([
    aTdrRevision(demo.mission.id, { number: 1 }),
    demo.tdr ?? aTdrRevision(demo.mission.id),
    aTdrRevision(demo.mission.id, { number: 3, deletedAt: nowIso() }),
  ]);
  await db.participants.bulkAdd(demo.participants);
  await db.communes.bulkAdd(demo.communes);
  await db.visitNotes.bulkAdd(demo.notes);
  await db.photos.bulkAdd(demo.photos);
  await db.actionPoints.bulkAdd(demo.actionPoints);
  for (const [hash, bytes] of demo.blobs) {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    await db.photoBlobs.add({ hash, blob, thumb: blob, uploaded: 1 });
  }
  // Another mission's records must not leak into this one's report.
  const other = aMission({ title: 'Autre mission' });
  await db.missions.add(other);
  await db.tdrRevisions.add(aTdrRevision(other.id, { number: 9 }));
  return demo;
}

describe('loading a mission for the report', () => {
  it('takes the latest revision of the TdR that is not deleted, and only this mission’s records', async () => {
    const demo = await seed();
    await db.participants.update(demo.participants[0].id, { deletedAt: nowIso() });
    const bundle = await loadMissionBundle(demo.mission.id);
    expect(bundle?.tdr?.number).toBe(2);
    expect(bundle?.participants.map((p) => p.fullName)).toEqual(demo.participants.slice(1).map((p) => p.fullName));
    expect(bundle?.communes).toHaveLength(3);
  });

  it('hands over the bytes of the report photos, read from the device', async () => {
    const demo = await seed();
    const data = await loadMissionBundleData(demo.mission.id);
    expect(data?.photoBlobs.size).toBe(6);
    const bundle = await loadMissionBundle(demo.mission.id);
    const [hash, bytes] = [...demo.blobs][0];
    expect(await bundle?.photoBytes(hash)).toEqual(bytes);
  });

  it('finds nothing for a deleted or unknown mission', async () => {
    const demo = await seed();
    await db.missions.update(demo.mission.id, { deletedAt: nowIso() });
    expect(await loadMissionBundle(demo.mission.id)).toBeNull();
    expect(await loadMissionBundle('inconnue')).toBeNull();
  });
});
