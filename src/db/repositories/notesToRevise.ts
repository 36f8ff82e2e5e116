// Notes a coordinator sent back ("à revoir"), for the screens that must say so before anything
// else: the missions list (how many per mission) and the top of a mission's visit list (which
// ones, who asked what). Live queries: a request pulled by sync shows without any click.
import { useLiveQuery } from 'dexie-react-hooks';
import type { VisitNote } from '../../shared/model';
import { db } from '../schema';

const liveNotesToRevise = async (): Promise<VisitNote[]> =>
  db.visitNotes
    .where('state')
    .equals('a_revoir')
    .filter((note) => !note.deletedAt)
    .toArray();

/** How many notes wait for changes, per mission id (missions with none are absent). */
export function useNotesToReviseByMission(): Map<string, number> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const note of await liveNotesToRevise()) counts.set(note.missionId, (counts.get(note.missionId) ?? 0) + 1);
    return counts;
  });
}

export interface NoteToRevise {
  noteId: string;
  communeName: string;
  /** The coordinator's last request: who, when, what (empty when its step has not arrived yet). */
  requestedBy: string;
  requestedAt: string;
  comment: string;
}

/** A mission's notes sent back for changes, the most recent request first. */
export function useNotesToRevise(missionId: string): NoteToRevise[] | undefined {
  return useLiveQuery(async () => {
    const notes = (await liveNotesToRevise()).filter((note) => note.missionId === missionId);
    const rows: NoteToRevise[] = [];
    for (const note of notes) {
      const steps = await db.reviewComments.where('noteId').equals(note.id).toArray();
      const request = steps
        .filter((step) => !step.deletedAt && step.toState === 'a_revoir')
        .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
        .at(-1);
      const commune = typeof note.communeId === 'string' ? await db.communes.get(note.communeId) : undefined;
      rows.push({
        noteId: note.id,
        communeName: commune?.name ?? '',
        requestedBy: request?.authorName ?? '',
        requestedAt: request?.createdAt ?? '',
        comment: typeof request?.text === 'string' ? request.text : '',
      });
    }
    return rows.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  }, [missionId]);
}
