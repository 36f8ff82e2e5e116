// A demo mission modelled on the seed minutes (technical committee field visit, 22–26 July 2024),
// written in one transaction through the same repositories as the screens, so it syncs like any
// mission. Every person is fictional: placeholder phones (+223 70 00 00 0x) and example.org e-mails.
import type { ParticipantRole } from '../../shared/model';
import { db } from '../schema';
import { createActionPoint } from './actionPoints';
import { createCommune } from './communes';
import { createMission } from './missions';
import { createParticipant } from './participants';
import { createTdrRevision } from './tdr';

const people: [string, string, string, ParticipantRole][] = [
  ['Aminata Diallo', 'Présidente du comité technique', 'Ministère des Mines', 'chef_de_mission'],
  ['Moussa Konaté', 'Directeur national adjoint', 'Ministère de l’Administration territoriale', 'membre'],
  ['Fatoumata Sidibé', 'Chargée de programme', 'Ministère de la Santé et du Développement social', 'membre'],
  ['Oumar Dembélé', 'Spécialiste suivi-évaluation', 'PNUD', 'rapporteur'],
  ['Mariam Keïta', 'Chargée de mission', 'Ministère des Mines', 'membre'],
  ['Ibrahim Maïga', 'Chargé de stabilisation', 'PNUD', 'membre'],
  ['Kadiatou Sangaré', 'Assistante administrative', 'PNUD', 'membre'],
];

/** "Fatoumata Sidibé" -> "fatoumata.sidibe@example.org" (the prenom.nom form, without accents). */
const exampleEmail = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.')}@example.org`;

const sections = {
  context:
    'Le comité technique du projet de stabilisation (Fenêtre Mali) s’est réuni le 21 juin 2024. Il a décidé d’organiser la visite de terrain de ses membres, reportée à deux reprises, avec sept personnes au lieu des trois prévues.',
  objectives:
    '- Constater les réalisations du projet dans les communes visitées.\n- Échanger avec les autorités locales, les services techniques et les bénéficiaires.\n- Recueillir les éléments d’un rapport des réalisations par commune, avec les budgets détaillés.',
  expectedResults:
    '- Les réalisations sont vérifiées sur place et documentées (notes, photos, points GPS).\n- Un rapport par commune, avec budgets prévus et dépensés, est partagé.\n- Les difficultés et recommandations sont présentées au comité de pilotage.',
  methodology:
    'Visites des sites, entretiens avec les autorités communales et les bénéficiaires, revue des documents du projet.',
  itinerary:
    '22/07 : Bamako – Mopti, visite de Mopti\n23/07 : Bandiagara\n24/07 : Douentza\n25/07 : synthèse à Mopti\n26/07 : Mopti – Bamako, restitution',
  team: 'Sept membres du comité technique (voir la liste des participants).',
  logistics: 'Deux véhicules mis à disposition par les ministères, avec leurs chauffeurs.',
  budget: 'Per diem, carburant et frais de mission pris en charge par le projet : 2 450 000 FCFA.',
};

/** Creates the demo mission and returns its id. */
export async function createDemoMission(): Promise<string> {
  const tables = [db.missions, db.tdrRevisions, db.participants, db.communes, db.actionPoints, db.outbox];
  return db.transaction('rw', tables, async () => {
    const mission = await createMission({
      title: 'Visite de terrain du comité technique',
      project: 'Facilité Régionale de Stabilisation — Fenêtre Mali',
      startDate: '2024-07-22',
      endDate: '2024-07-26',
      status: 'preparation',
      vehicles: [
        { id: '', label: '4x4 du ministère des Mines', driver: 'Bakary Samaké', seats: '4' },
        { id: '', label: '4x4 du ministère de l’Administration territoriale', driver: 'Lassina Doumbia', seats: '4' },
      ],
    });
    await createTdrRevision(mission.id, { authorName: 'Oumar Dembélé', sections }, null);
    for (const [i, [fullName, fn, organisation, role]] of people.entries()) {
      const phone = `+223 70 00 00 0${i + 1}`;
      await createParticipant(mission.id, {
        fullName,
        function: fn,
        organisation,
        phone,
        email: exampleEmail(fullName),
        role,
      });
    }
    for (const [name, cercle, plannedDate, lat, lon] of [
      ['Mopti', 'Mopti', '2024-07-22', '14,4843', '-4,1827'],
      ['Bandiagara', 'Bandiagara', '2024-07-23', '14,3501', '-3,6104'],
      ['Douentza', 'Douentza', '2024-07-24', '15,0017', '-2,9498'],
    ]) {
      await createCommune(mission, { name, cercle, region: 'Mopti', plannedDate, lat, lon });
    }
    await createActionPoint(mission.id, {
      point: 'Organisation du comité de pilotage',
      action:
        'S’assurer auprès du ministère des Affaires étrangères que la lettre d’invitation a bien été transmise au ministère concerné.',
      responsible: 'Moussa Konaté',
      comments: 'L’accusé de réception a été partagé avec les membres du comité technique.',
      dueDate: '2024-07-05',
      status: 'en_cours',
    });
    await createActionPoint(mission.id, {
      point: 'Préparation de la visite de terrain',
      action: 'Revoir les termes de référence selon les orientations de la réunion du 21 juin 2024.',
      responsible: 'Oumar Dembélé',
      comments: 'Les ministères mettent deux véhicules à disposition de la mission.',
      dueDate: '2024-07-15',
      status: 'ouvert',
    });
    await createActionPoint(mission.id, {
      point: 'Communication entre les membres',
      action: 'Créer un groupe de discussion informel pour les membres du comité technique.',
      responsible: 'Oumar Dembélé',
      comments: '',
      dueDate: '2024-06-28',
      status: 'fait',
    });
    return mission.id;
  });
}
