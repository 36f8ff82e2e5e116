// A mission tab's list of one kind of record: the buttons to add (and any other way in, such as
// pasting a table), then the records, or a line saying there are none yet.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { Loading } from '../../../components/Loading';

export function RecordList<R>(props: {
  /** undefined while the records load. */
  records: R[] | undefined;
  addLabel: string;
  emptyText: string;
  /** More links beside "add". */
  actions?: ReactNode;
  children: (records: R[]) => ReactNode;
}) {
  if (!props.records) return <Loading />;
  return (
    <>
      <div className="button-row">
        <Link href="/new" className="button primary">
          {props.addLabel}
        </Link>
        {props.actions}
      </div>
      {props.records.length === 0 ? <p className="empty">{props.emptyText}</p> : props.children(props.records)}
    </>
  );
}
