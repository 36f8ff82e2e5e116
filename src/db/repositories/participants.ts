// The mission's participants (the seed's table plus a role): kept in IndexedDB (db.participants),
// written only through the mutation layer so every change waits in the outbox for the server.
// `order` is the N° of the table: kept as 1..n, so the list, the report and the N° always agree.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_MAX } from '../../shared/fieldLimits';
import type { Participant, ParticipantRole } from '../../shared/model';
import { normaliseEmail } from '../../shared/participants/email';
import type { ParticipantFields } from '../../shared/participants/parse';
import { formatPhone, normalisePhone } from '../../shared/participants/phone';
import { deleteRecord, insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';
import { checkText, type FieldErrors, ValidationError } from './missions';

export interface ParticipantDraft {
  fullName: string;
  function: string;
  organisation: string;
  phone: string;
  email: string;
  role: ParticipantRole;
}

const byOrder = (a: Participant, b: Participant) => a.order - b.order || a.id.localeCompare(b.id);

async function listParticipants(missionId: string): Promise<Participant[]> {
  const people = await db.participants
    .where('[missionId+order]')
    .between([missionId, Dexie.minKey], [missionId, Dexie.maxKey])
    .toArray();
  return people.filter((p) => !p.deletedAt).sort(byOrder);
}

/** The mission's participants by N° (ties, from two devices, by creation). */
export function useParticipants(missionId: string): Participant[] | undefined {
  return useLiveQuery(() => listParticipants(missionId), [missionId]);
}

export function useParticipant(id: string): Participant | null | undefined {
  return useLiveQuery(async () => {
    const participant = await db.participants.get(id);
    return participant && !participant.deletedAt ? participant : null;
  }, [id]);
}

export function emptyParticipantDraft(): ParticipantDraft {
  return { fullName: '', function: '', organisation: '', phone: '', email: '', role: 'membre' };
}

export function participantToDraft(p: Participant): ParticipantDraft {
  const { fullName, organisation, email, role } = p;
  return { fullName, function: p.function, organisation, phone: formatPhone(p.phone), email, role };
}

export function validateParticipant(draft: ParticipantDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'fullName', draft.fullName, TEXT_MAX.participantFullName, true);
  checkText(errors, 'function', draft.function, TEXT_MAX.participantFunction);
  checkText(errors, 'organisation', draft.organisation, TEXT_MAX.participantOrganisation);
  const phone = normalisePhone(draft.phone);
  if (!phone.ok) errors.phone = phone.error;
  const email = normaliseEmail(draft.email);
  if (!email.ok) errors.email = email.error;
  return errors;
}

function participantFields(draft: ParticipantDraft) {
  const errors = validateParticipant(draft);
  const phone = normalisePhone(draft.phone);
  const email = normaliseEmail(draft.email);
  if (!phone.ok || !email.ok || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    fullName: draft.fullName.replace(/\s+/g, ' ').trim(),
    function: draft.function.trim(),
    organisation: draft.organisation.trim(),
    phone: phone.value,
    email: email.value,
    role: draft.role,
  };
}

const writeTables = () => [db.participants, db.outbox];

/** Adds a participant at the end of the table. */
export async function createParticipant(missionId: string, draft: ParticipantDraft): Promise<Participant> {
  const fields = participantFields(draft);
  return db.transaction('rw', writeTables(), async () => {
    const count = (await listParticipants(missionId)).length;
    return insertRecord('participants', { ...newRecordBase(missionId), order: count + 1, ...fields });
  });
}

export async function updateParticipant(id: string, draft: ParticipantDraft): Promise<void> {
  await updateRecord('participants', id, participantFields(draft));
}

/** Gives the remaining participants the N° 1..n again; only those whose N° changes are queued. */
async function renumber(people: Participant[]) {
  for (const [i, person] of people.entries()) {
    if (person.order !== i + 1) await updateRecord('participants', person.id, { order: i + 1 });
  }
}

/** Moves a participant to a new N° (1-based), shifting the others. */
export async function moveParticipant(missionId: string, id: string, toOrder: number): Promise<void> {
  await db.transaction('rw', writeTables(), async () => {
    const people = await listParticipants(missionId);
    const from = people.findIndex((p) => p.id === id);
    if (from < 0) return;
    const [moved] = people.splice(from, 1);
    people.splice(Math.min(Math.max(toOrder - 1, 0), people.length), 0, moved);
    await renumber(people);
  });
}

export async function deleteParticipant(missionId: string, id: string): Promise<void> {
  await db.transaction('rw', writeTables(), async () => {
    await deleteRecord('participants', id);
    await renumber(await listParticipants(missionId));
  });
}

/**
 * Adds the rows of a pasted or imported table after the existing participants, all or none in one
 * transaction. The rows must be the ones the preview showed without problems.
 */
export async function importParticipants(
  missionId: string,
  rows: readonly ParticipantFields[],
  role: ParticipantRole = 'membre',
): Promise<number> {
  const drafts = rows.map((row) => ({ ...row, role }));
  const fields = drafts.map(participantFields);
  await db.transaction('rw', writeTables(), async () => {
    const count = (await listParticipants(missionId)).length;
    for (const [i, row] of fields.entries()) {
      await insertRecord('participants', { ...newRecordBase(missionId), order: count + i + 1, ...row });
    }
  });
  return fields.length;
}
