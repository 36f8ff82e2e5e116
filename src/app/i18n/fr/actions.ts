import type { ActionStatus } from '../../../shared/model';
import { ACTION_STATUS_WORDS } from '../../../shared/stateLabels';

export const actions = {
  openTitle: 'Points d’action ouverts',
  openHint: 'Les points ouverts ou en cours de toutes les missions, l’échéance la plus proche d’abord.',
  openEmpty: 'Aucun point d’action ouvert.',
  add: 'Ajouter un point d’action',
  empty: 'Aucun point d’action pour l’instant.',
  number: 'N° {{number}}',
  statusOf: 'Statut du point {{number}}',
  overdue: 'En retard',
  due: 'Échéance : {{date}}',
  noDueDate: 'Sans échéance',
  responsible: 'Responsable : {{name}}',
  mission: 'Mission : {{title}}',
  columns: {
    point: 'Point',
    action: 'Action',
    responsible: 'Responsable',
    comments: 'Commentaires',
    dueDate: 'Échéance',
    status: 'Statut',
  },
  statuses: ACTION_STATUS_WORDS as Record<ActionStatus, string>,
  form: {
    newTitle: 'Nouveau point d’action',
    editTitle: 'Modifier le point d’action n° {{number}}',
    responsibleHint: 'Une personne ou une structure.',
    delete: 'Supprimer ce point d’action',
  },
};
