import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDemoMission } from '../../../src/db/repositories/demoMission';
import { db } from '../../../src/db/schema';
import { recordSchemas, type SyncedTable } from '../../../src/shared/model';

const SEED = path.resolve(import.meta.dirname, '../../../../shared/seed/compte-rendu-comite-technique-2024-06-21.md');

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('the demo mission', () => {
  it('is modelled on the seed: 22–26 July 2024, seven members, two vehicles, a TdR, 3 communes, 3 action points', async () => {
    const id = await createDemoMission();
    const mission = await db.missions.get(id);
    expect(mission).toMatchObject({ startDate: '2024-07-22', endDate: '2024-07-26', status: 'preparation' });
    expect(mission?.vehicles).toHaveLength(2);
    expect(await db.tdrRevisions.where('missionId').equals(id).count()).toBe(1);
    expect(await db.participants.where('missionId').equals(id).count()).toBe(7);
    const communes = await db.communes.where('missionId').equals(id).toArray();
    expect(communes.map((c) => c.name).sort()).toEqual(['Bandiagara', 'Douentza', 'Mopti']);
    expect(communes.every((c) => c.region === 'Mopti' && c.lat !== null)).toBe(true);
    expect((await db.actionPoints.where('missionId').equals(id).sortBy('number')).map((p) => p.number)).toEqual([
      1, 2, 3,
    ]);
  });

  it('writes only valid records, each queued for the server', async () => {
    await createDemoMission();
    const tables: SyncedTable[] = ['missions', 'tdrRevisions', 'participants', 'communes', 'actionPoints'];
    let records = 0;
    for (const table of tables) {
      for (const record of await db.table(table).toArray()) {
        expect(recordSchemas[table].safeParse(record).success, table).toBe(true);
        records += 1;
      }
    }
    expect(await db.outbox.count()).toBe(records);
  });

  it('uses fictional people only: placeholder phones and example.org e-mails', async () => {
    await createDemoMission();
    const people = await db.participants.orderBy('[missionId+order]').toArray();
    expect(people.map((p) => p.phone)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `+2237000000${n}`));
    expect(people.every((p) => /^[a-z]+\.[a-z]+@example\.org$/.test(p.email))).toBe(true);
  });

  // The seed's participant names are read from the seed itself (beside the repository, where
  // developers and CI have it), so no real person's name is written in this repository.
  it.skipIf(!fs.existsSync(SEED))('contains no name of the seed’s participants', async () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    const seedNames = seed
      .slice(seed.search(/PARTICIPANTS\s*:/))
      .split('\n')
      .filter((line) => /^0\d\t/.test(line) && line.split('\t').length >= 5)
      .flatMap((line) => line.split('\t')[1].split(/\s+/))
      .filter((word) => word.length >= 4 && word !== 'Mme')
      .map((word) => word.toUpperCase());
    expect(seedNames.length).toBeGreaterThanOrEqual(10);
    await createDemoMission();
    const everything = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray()))).toUpperCase();
    for (const name of seedNames) expect(everything).not.toContain(name);
  });
});
