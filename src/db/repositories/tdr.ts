// Terms of reference (TdR): every revision is an immutable record in IndexedDB (db.tdrRevisions),
// written once through the mutation layer. Editing makes a new revision numbered after the last,
// so every version stays readable and any two can be compared, on every device.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_MAX } from '../../shared/fieldLimits';
import { TDR_SECTIONS, type TdrRevision, type TdrSection } from '../../shared/model';
import { insertRecord, newRecordBase } from '../mutations';
import { db } from '../schema';
import { checkText, type FieldErrors, ValidationError } from './missions';
import { readSession } from './sync';

export type TdrSections = Record<TdrSection, string>;

export interface TdrDraft {
  authorName: string;
  sections: TdrSections;
}

/** A settings key that may hold the name of the person using this device (no account needed). */
export const WHO_SETTING_KEY = 'who';

/**
 * The mission's revisions, the newest first. Two devices offline can both write revision n + 1:
 * until they sync, the one created later is shown as the newer; then the server gives the second
 * one the next number (src/server/sync/numbering.ts).
 */
export function useTdrRevisions(missionId: string): TdrRevision[] | undefined {
  return useLiveQuery(async () => {
    const revisions = await db.tdrRevisions
      .where('[missionId+number]')
      .between([missionId, Dexie.minKey], [missionId, Dexie.maxKey])
      .toArray();
    return revisions
      .filter((r) => !r.deletedAt)
      .sort((a, b) => b.number - a.number || b.createdAt.localeCompare(a.createdAt));
  }, [missionId]);
}

/**
 * Who is writing, to sign a revision: the signed-in account's name, else the name kept in the
 * settings, else '' (the form then asks for it). Undefined while loading.
 */
export function useWho(): string | undefined {
  return useLiveQuery(readWho);
}

export async function readWho(): Promise<string> {
  const session = (await readSession())?.user.name;
  if (session) return session;
  const value = (await db.settings.get(WHO_SETTING_KEY))?.value;
  return typeof value === 'string' ? value : '';
}

export function emptySections(): TdrSections {
  return Object.fromEntries(TDR_SECTIONS.map((s) => [s, ''])) as TdrSections;
}

/** `previous` is the revision being edited: saving it unchanged would make an empty revision. */
export function validateTdr(draft: TdrDraft, previous: TdrRevision | null): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'authorName', draft.authorName, TEXT_MAX.tdrAuthorName, true);
  for (const section of TDR_SECTIONS)
    checkText(errors, `sections.${section}`, draft.sections[section], TEXT_MAX.tdrSection);
  const texts = TDR_SECTIONS.map((s) => draft.sections[s].trim());
  if (!previous && texts.every((text) => text === '')) errors.root = 'tdr-empty';
  if (previous && TDR_SECTIONS.every((s, i) => previous.sections[s].trim() === texts[i])) errors.root = 'tdr-unchanged';
  return errors;
}

/** Saves the draft as the next revision. The number is taken in the same transaction as the write. */
export async function createTdrRevision(
  missionId: string,
  draft: TdrDraft,
  previous: TdrRevision | null,
): Promise<TdrRevision> {
  const errors = validateTdr(draft, previous);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const sections = Object.fromEntries(TDR_SECTIONS.map((s) => [s, draft.sections[s].trim()])) as TdrSections;
  return db.transaction('rw', db.tdrRevisions, db.outbox, async () => {
    const last = await db.tdrRevisions
      .where('[missionId+number]')
      .between([missionId, Dexie.minKey], [missionId, Dexie.maxKey])
      .last();
    return insertRecord('tdrRevisions', {
      ...newRecordBase(missionId),
      number: (last?.number ?? 0) + 1,
      authorName: draft.authorName.trim(),
      sections,
    });
  });
}
