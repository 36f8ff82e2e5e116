// Adding and editing one record of a mission (commune, participant, action point): the record's
// own form, repository calls and titles are passed in; loading, the back-to-list navigation, the
// delete confirmation and the check that the record belongs to this mission live here, once.
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Loading } from '../../../components/Loading';
import { NotFoundScreen } from '../../NotFoundScreen';
import { ConfirmButton } from '../form/ConfirmButton';
import type { RecordFormProps } from './RecordForm';

type FormOf<V> = (props: RecordFormProps<V>) => ReactNode;

export function RecordCreate<V>(props: {
  title: string;
  initial: V;
  create: (values: V) => Promise<unknown>;
  form: FormOf<V>;
}) {
  const [, navigate] = useLocation();
  const back = () => navigate('/');
  return props.form({
    title: props.title,
    initial: props.initial,
    onSave: async (values) => {
      await props.create(values);
      back();
    },
    onCancel: back,
  });
}

export function RecordEdit<R extends { missionId: string }, V>(props: {
  missionId: string;
  /** undefined while loading, null when there is no such record (or it was deleted). */
  record: R | null | undefined;
  title: (record: R) => string;
  toValues: (record: R) => V;
  update: (record: R, values: V) => Promise<unknown>;
  remove: (record: R) => Promise<unknown>;
  deleteLabel: string;
  form: FormOf<V>;
}) {
  const [, navigate] = useLocation();
  const { record } = props;
  if (record === undefined) return <Loading />;
  // The address holds the mission's id and the record's: another mission's record is not editable
  // here, where its save would read as a change of this mission.
  if (record === null || record.missionId !== props.missionId) return <NotFoundScreen />;
  const back = () => navigate('/');
  return props.form({
    title: props.title(record),
    initial: props.toValues(record),
    onSave: async (values) => {
      await props.update(record, values);
      back();
    },
    onCancel: back,
    actions: (
      <ConfirmButton
        label={props.deleteLabel}
        onConfirm={async () => {
          await props.remove(record);
          back();
        }}
      />
    ),
  });
}
