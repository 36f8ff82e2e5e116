import { beforeEach, describe, expect, it } from 'vitest';
import {
  createParticipant,
  deleteParticipant,
  emptyParticipantDraft,
  importParticipants,
  moveParticipant,
  participantToDraft,
  updateParticipant,
  validateParticipant,
} from '../../../src/db/repositories/participants';
import { db } from '../../../src/db/schema';
import { parseParticipantTable } from '../../../src/shared/participants/parse';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const person = (fullName: string, phone = '') => ({ ...emptyParticipantDraft(), fullName, phone });
const namesInOrder = async (missionId: string) =>
  (await db.participants.where('missionId').equals(missionId).toArray())
    .filter((p) => !p.deletedAt)
    .sort((a, b) => a.order - b.order)
    .map((p) => `${p.order}:${p.fullName}`);

describe('participants', () => {
  it('store a Malian number typed with spaces in E.164 and show it back grouped', async () => {
    const created = await createParticipant('m1', person('Awa Exemple', '76 23 65 80'));
    expect(created.phone).toBe('+22376236580');
    expect(participantToDraft(created).phone).toBe('+223 76 23 65 80');
  });

  it('refuse a malformed phone or e-mail and a missing name, each on its field', () => {
    expect(validateParticipant({ ...person('', '76 23'), email: 'awa@' })).toEqual({
      fullName: 'required',
      phone: 'phone-invalid',
      email: 'email-invalid',
    });
  });

  it('are numbered in the order they are added, and renumbered when one is removed', async () => {
    await createParticipant('m1', person('A'));
    const b = await createParticipant('m1', person('B'));
    await createParticipant('m1', person('C'));
    await deleteParticipant('m1', b.id);
    expect(await namesInOrder('m1')).toEqual(['1:A', '2:C']);
  });

  it('move to another N°, shifting the others', async () => {
    await createParticipant('m1', person('A'));
    await createParticipant('m1', person('B'));
    const c = await createParticipant('m1', person('C'));
    await moveParticipant('m1', c.id, 1);
    expect(await namesInOrder('m1')).toEqual(['1:C', '2:A', '3:B']);
  });

  it('keep their N° when edited', async () => {
    await createParticipant('m1', person('A'));
    const b = await createParticipant('m1', person('B'));
    await updateParticipant(b.id, { ...participantToDraft(b), role: 'rapporteur' });
    expect((await db.participants.get(b.id))?.order).toBe(2);
  });
});

describe('importing a pasted table', () => {
  it('adds the good rows after the people already listed, with their outbox rows', async () => {
    await createParticipant('m1', person('Déjà Là'));
    const table = parseParticipantTable(
      '1\tAwa Teste\tMembre\tPNUD\t70 00 00 01\tawa@example.org\n2\tYaya Teste',
      'paste',
    );
    expect(
      await importParticipants(
        'm1',
        table.rows.map((r) => r.fields),
        'membre',
      ),
    ).toBe(2);
    expect(await namesInOrder('m1')).toEqual(['1:Déjà Là', '2:Awa Teste', '3:Yaya Teste']);
    expect(await db.outbox.where('missionId').equals('m1').count()).toBe(3);
  });

  it('imports nothing when one row is invalid', async () => {
    const table = parseParticipantTable('1\tAwa Teste\n2\tYaya Teste\tMembre\tPNUD\t70 00', 'paste');
    await expect(
      importParticipants(
        'm1',
        table.rows.map((r) => r.fields),
      ),
    ).rejects.toThrow();
    expect(await db.participants.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
