// The written part of a visit note. Every change is copied to the draft journal at once and saved
// to IndexedDB shortly after (see useDebouncedSave); on opening, a journal left by a reload or a
// crash is put back into the form and saved, so not a character typed is lost. A change of the
// note from another device (a pull while the form is open) shows in the fields not being typed in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { readDraftJournal, writeDraftJournal } from '../../../db/repositories/storage';
import { saveVisitNote } from '../../../db/repositories/visitNotes';
import type { Participant, VisitNote } from '../../../shared/model';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { AchievementsEditor } from './AchievementsEditor';
import {
  changedFields,
  fieldsToRefresh,
  NOTE_FIELDS,
  type NoteField,
  type NoteFormValues,
  storedFieldsJson,
  toFormValues,
  toPatch,
} from './noteForm';
import { saveErrorMessage } from './saveErrors';
import { useReportSaveStatus } from './saveStatus';
import { useDebouncedSave } from './useDebouncedSave';

const TEXT_FIELDS = ['peopleMet', 'observations'] as const;
const CLOSING_FIELDS = ['difficulties', 'recommendations'] as const;

const snapshot = (values: NoteFormValues): NoteFormValues => JSON.parse(JSON.stringify(values));

const LABEL_KEY = {
  visitDate: 'note.visitDate',
  authorIds: 'note.authors',
  peopleMet: 'note.peopleMet',
  observations: 'note.observations',
  difficulties: 'note.difficulties',
  recommendations: 'note.recommendations',
  achievements: 'achievements.title',
} as const satisfies Record<NoteField, string>;

function pick(values: NoteFormValues, fields: readonly (keyof NoteFormValues)[]): Partial<NoteFormValues> {
  return Object.fromEntries(fields.map((field) => [field, values[field]]));
}

function restore(note: VisitNote) {
  const saved = toFormValues(note);
  const draft = readDraftJournal<Partial<NoteFormValues>>(`note.${note.id}`);
  if (!draft) return { saved, values: saved, restored: false };
  return {
    saved,
    values: {
      ...saved,
      ...pick(
        draft as NoteFormValues,
        NOTE_FIELDS.filter((f) => f in draft),
      ),
    },
    restored: true,
  };
}

interface Props {
  note: VisitNote;
  participants: readonly Participant[];
  readOnly: boolean;
}

export function VisitNoteForm({ note, participants, readOnly }: Props) {
  const { t } = useTranslation(['visits', 'common']);
  const journalKey = `note.${note.id}`;
  const [initial] = useState(() => restore(note));
  const form = useForm<NoteFormValues>({ defaultValues: initial.values, mode: 'onChange' });
  const lastSaved = useRef(initial.saved);
  const latestNote = useRef(note);
  /** The stored note's fields as this form last knew them (read, or written by its own saves). */
  const known = useRef(storedFieldsJson(note));
  const applyingRemote = useRef(false);
  const [refreshed, setRefreshed] = useState<NoteField[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    latestNote.current = note;
    const fields = fieldsToRefresh(note, known.current, lastSaved.current, form.getValues());
    known.current = { ...known.current, ...storedFieldsJson(note) };
    if (fields.length === 0) return;
    const incoming = toFormValues(note);
    applyingRemote.current = true;
    for (const field of fields) {
      lastSaved.current = { ...lastSaved.current, [field]: incoming[field] };
      form.setValue(field, incoming[field]);
    }
    applyingRemote.current = false;
    setRefreshed(fields);
  }, [note, form]);

  const save = useCallback(async () => {
    const values = snapshot(form.getValues());
    const fields = changedFields(lastSaved.current, values);
    if (fields.length > 0) {
      const patch = toPatch(values, fields, latestNote.current);
      known.current = { ...known.current, ...Object.fromEntries(fields.map((f) => [f, JSON.stringify(patch[f])])) };
      await saveVisitNote(note.id, patch);
    }
    // Only the saved fields: another device's value may have come into another field meanwhile.
    lastSaved.current = { ...lastSaved.current, ...pick(values, fields) };
    setError(null);
    if (changedFields(values, form.getValues()).length === 0) writeDraftJournal(journalKey, null);
  }, [form, note.id, journalKey]);
  const saver = useDebouncedSave(save, (e) => setError(saveErrorMessage(e, t)));
  useReportSaveStatus('form', saver.status, error);

  const { schedule } = saver;
  useEffect(() => {
    const subscription = form.watch(() => {
      // Values taken from another device are already stored: nothing to journal or save.
      if (applyingRemote.current) return;
      setRefreshed((shown) => (shown.length === 0 ? shown : []));
      const values = form.getValues();
      const fields = changedFields(lastSaved.current, values);
      writeDraftJournal(journalKey, fields.length > 0 ? pick(values, fields) : null);
      schedule();
    });
    // A draft typed before a reload or a crash is in the form again: store it now.
    if (initial.restored) schedule();
    return () => subscription.unsubscribe();
  }, [form, journalKey, schedule, initial.restored]);

  // Authors stay in the order of the participants table; an id no longer listed is kept, not dropped.
  const toggleAuthor = (current: string[], id: string, on: boolean) => {
    if (!on) return current.filter((value) => value !== id);
    const listed = participants.map((p) => p.id);
    return [...listed.filter((p) => p === id || current.includes(p)), ...current.filter((v) => !listed.includes(v))];
  };

  const textArea = (name: (typeof TEXT_FIELDS)[number] | (typeof CLOSING_FIELDS)[number]) => (
    <div className="field" key={name}>
      <label htmlFor={`note-${name}`}>{t(`note.${name}`)}</label>
      <AutoGrowTextarea id={`note-${name}`} rows={3} {...form.register(name)} />
    </div>
  );

  return (
    <form className="note-form" noValidate onSubmit={(event) => event.preventDefault()}>
      {refreshed.length > 0 && (
        <p role="status" className="notice">
          {t('note.refreshed', { fields: refreshed.map((field) => t(LABEL_KEY[field])).join(', ') })}
        </p>
      )}
      <fieldset className="plain" disabled={readOnly}>
        <div className="field">
          <label htmlFor="note-visitDate">{t('note.visitDate')}</label>
          <input id="note-visitDate" type="date" {...form.register('visitDate')} />
        </div>
        <fieldset className="field plain">
          <legend className="field-label">{t('note.authors')}</legend>
          {participants.length === 0 ? (
            <p className="muted">{t('note.noParticipants')}</p>
          ) : (
            <Controller
              control={form.control}
              name="authorIds"
              render={({ field }) => (
                <div className="check-list">
                  {participants.map((person) => (
                    <label key={person.id} className="check">
                      <input
                        type="checkbox"
                        checked={field.value.includes(person.id)}
                        onChange={(event) => field.onChange(toggleAuthor(field.value, person.id, event.target.checked))}
                      />
                      {person.fullName}
                    </label>
                  ))}
                </div>
              )}
            />
          )}
        </fieldset>
        {TEXT_FIELDS.map(textArea)}
        <AchievementsEditor form={form} />
        {CLOSING_FIELDS.map(textArea)}
      </fieldset>
    </form>
  );
}
