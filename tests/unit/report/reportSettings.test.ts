// The report's settings are a synced record of the mission (one per mission, id = mission id):
// saved through the outbox, changed field by field, checked like the server checks them, and read
// by the report builders.
import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/db/repositories/missions';
import { loadMissionBundle } from '../../../src/db/repositories/reportBundle';
import { EMPTY_REPORT_SETTINGS, saveReportSettings } from '../../../src/db/repositories/reportSettings';
import { db } from '../../../src/db/schema';
import { buildReportModel } from '../../../src/report/model';
import { reportSettingsSchema, TEXT_MAX } from '../../../src/shared/model';
import { aMission } from '../../fixtures/builders';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function aStoredMission() {
  const mission = aMission();
  await db.missions.add(mission);
  return mission;
}

describe('report settings', () => {
  it('are saved as one record per mission, queued for the server, and valid for its schema', async () => {
    const mission = await aStoredMission();
    await saveReportSettings(mission.id, { ...EMPTY_REPORT_SETTINGS, synthesis: 'Tout va bien.' });
    const stored = await db.reportSettings.get(mission.id);
    expect(stored?.missionId).toBe(mission.id);
    expect(reportSettingsSchema.safeParse(stored).success).toBe(true);
    const queued = await db.outbox.where('[table+recordId]').equals(['reportSettings', mission.id]).toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0].op).toBe('put');
  });

  it('send only what changed the next time', async () => {
    const mission = await aStoredMission();
    await saveReportSettings(mission.id, { ...EMPTY_REPORT_SETTINGS, synthesis: 'Tout va bien.' });
    await saveReportSettings(mission.id, {
      ...EMPTY_REPORT_SETTINGS,
      synthesis: 'Tout va bien.',
      conclusion: 'À poursuivre.',
      signatories: [
        { name: '  Awa Exemple ', function: 'Cheffe de mission' },
        { name: '', function: ' ' },
      ],
    });
    expect(await db.reportSettings.count()).toBe(1);
    const queued = await db.outbox.where('[table+recordId]').equals(['reportSettings', mission.id]).sortBy('createdAt');
    expect(Object.keys(queued.at(-1)?.changes ?? {}).sort()).toEqual(['conclusion', 'signatories', 'updatedAt']);
    expect((await db.reportSettings.get(mission.id))?.signatories).toEqual([
      { name: 'Awa Exemple', function: 'Cheffe de mission' },
    ]);
  });

  it('refuse a text longer than the server accepts, writing nothing', async () => {
    const mission = await aStoredMission();
    const long = 'x'.repeat(TEXT_MAX.reportText + 1);
    await expect(saveReportSettings(mission.id, { ...EMPTY_REPORT_SETTINGS, synthesis: long })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.reportSettings.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reach the report: synthèse, signatories and the parts left out', async () => {
    const mission = await aStoredMission();
    await saveReportSettings(mission.id, {
      ...EMPTY_REPORT_SETTINGS,
      synthesis: 'Synthèse saisie sur le téléphone.',
      signedAt: 'Mopti',
      signatories: [{ name: 'Awa Exemple', function: 'Cheffe de mission' }],
      excludedParts: ['map'],
    });
    const bundle = await loadMissionBundle(mission.id);
    const model = buildReportModel(bundle ?? (null as never), {}, '2024-07-30');
    expect(model.synthesis).toBe('Synthèse saisie sur le téléphone.');
    expect(model.signatures.placeAndDay).toBe('Fait à Mopti, le 30/07/2024');
    expect(model.parts.has('map')).toBe(false);
    expect(model.parts.has('charts')).toBe(true);
  });
});
