// The pages of a mission tab that lists one kind of record (communes, participants, action points):
// the list at "/", a new record at "/new", any page of the tab's own (children), one record by id.
import type { ReactNode } from 'react';
import { Route, Switch } from 'wouter';

export function RecordRoutes(props: {
  list: ReactNode;
  create: ReactNode;
  edit: (recordId: string) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <Switch>
      <Route path="/">{props.list}</Route>
      <Route path="/new">{props.create}</Route>
      {props.children}
      <Route path="/:recordId">{(params) => props.edit(params.recordId)}</Route>
    </Switch>
  );
}
