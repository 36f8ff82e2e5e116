import type { actions as fr } from '../fr/actions';

export const actions: typeof fr = {
  openTitle: 'Open action points',
  openHint: 'Open or in-progress points of every mission, the nearest due date first.',
  openEmpty: 'No open action points.',
  add: 'Add an action point',
  empty: 'No action points yet.',
  number: 'No. {{number}}',
  statusOf: 'Status of point {{number}}',
  overdue: 'Overdue',
  due: 'Due: {{date}}',
  noDueDate: 'No due date',
  responsible: 'Responsible: {{name}}',
  mission: 'Mission: {{title}}',
  columns: {
    point: 'Point',
    action: 'Action',
    responsible: 'Responsible',
    comments: 'Comments',
    dueDate: 'Due date',
    status: 'Status',
  },
  statuses: {
    ouvert: 'Open',
    en_cours: 'In progress',
    fait: 'Done',
  },
  form: {
    newTitle: 'New action point',
    editTitle: 'Edit action point no. {{number}}',
    responsibleHint: 'A person or an organisation.',
    delete: 'Delete this action point',
  },
};
