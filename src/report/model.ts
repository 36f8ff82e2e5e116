// The report's content, worked out once from a mission bundle and then laid out by the Word and
// PDF writers: which notes and photos go in, row numbers, totals and every formatted value. Keeping
// this apart means both documents always say the same thing.
import type { Commune, Photo, VisitNote } from '../shared/model';
import { type BuildOptions, DEFAULT_NOTE_STATES, type MissionBundle } from './bundle';
import {
  budgetTotals,
  executionRate,
  formatDay,
  formatFcfa,
  formatPhone,
  formatRate,
  formatRowNumber,
  isEmptyLine,
} from './format';
import { reportLabels as L } from './labels';

export interface ReportVisit {
  date: string;
  peopleMet: string;
  observations: string;
  difficulties: string;
  recommendations: string;
}

export interface ReportPhoto {
  photo: Photo;
  number: number;
  caption: string;
}

export interface BudgetRow {
  label: string;
  planned: string;
  spent: string;
  rate: string;
}

export interface ReportCommune {
  heading: string;
  visits: ReportVisit[];
  /** N°, activity, state, planned, spent, rate. */
  achievements: string[][];
  total: BudgetRow;
  photos: ReportPhoto[];
}

export interface ReportModel {
  cover: { missionTitle: string; project: string; period: string; places: string[]; generatedOn: string };
  tdr: { objectives: string; expectedResults: string } | null;
  participants: string[][];
  communes: ReportCommune[];
  budget: { rows: BudgetRow[]; total: BudgetRow };
  actions: string[][];
}

const byKeyThenId =
  <T extends { id: string }>(key: (x: T) => string | number) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id.localeCompare(b.id);

function placeOf(commune: Commune): string {
  return [commune.cercle, commune.region].filter(Boolean).join(', ');
}

function communeSection(
  commune: Commune,
  notes: VisitNote[],
  photosByNote: Map<string, Photo[]>,
  nextPhotoNumber: () => number,
) {
  const achievements = notes.flatMap((n) => n.achievements).filter((a) => !isEmptyLine(a));
  const totals = budgetTotals(achievements);
  const photos = notes.flatMap((n) => photosByNote.get(n.id) ?? []);
  const section: ReportCommune = {
    heading: L.communeHeading(commune.name, placeOf(commune)),
    visits: notes.map((n) => ({
      date: formatDay(n.visitDate) || L.empty,
      peopleMet: n.peopleMet,
      observations: n.observations,
      difficulties: n.difficulties,
      recommendations: n.recommendations,
    })),
    achievements: achievements.map((a, i) => [
      formatRowNumber(i + 1),
      a.activity,
      L.achievementStates[a.state],
      formatFcfa(a.plannedFcfa),
      formatFcfa(a.spentFcfa),
      formatRate(executionRate(a.plannedFcfa, a.spentFcfa)),
    ]),
    total: budgetRow(L.total, totals),
    photos: photos.map((photo) => {
      const number = nextPhotoNumber();
      return { photo, number, caption: L.photoCaption(number, photo.caption.trim()) };
    }),
  };
  return { section, totals };
}

function budgetRow(label: string, t: ReturnType<typeof budgetTotals>): BudgetRow {
  return { label, planned: formatFcfa(t.plannedFcfa), spent: formatFcfa(t.spentFcfa), rate: formatRate(t.rate) };
}

/** Builds the report's content. `today` is the day printed on the cover (ISO, YYYY-MM-DD). */
export function buildReportModel(
  bundle: MissionBundle,
  options: BuildOptions = {},
  today = new Date().toISOString().slice(0, 10),
): ReportModel {
  const states = new Set(options.noteStates ?? DEFAULT_NOTE_STATES);
  const notes = bundle.notes
    .filter((n) => !n.deletedAt && states.has(n.state))
    .sort(byKeyThenId((n) => n.visitDate || '9999'));
  const photosByNote = new Map<string, Photo[]>();
  for (const p of [...bundle.photos].sort(byKeyThenId((p) => p.takenAt ?? p.createdAt))) {
    if (p.deletedAt || !p.forReport) continue;
    photosByNote.set(p.noteId, [...(photosByNote.get(p.noteId) ?? []), p]);
  }
  const communes = bundle.communes.filter((c) => !c.deletedAt).sort(byKeyThenId((c) => c.plannedDate || '9999'));
  let photoNumber = 0;
  const sections = communes.map((c) =>
    communeSection(
      c,
      notes.filter((n) => n.communeId === c.id),
      photosByNote,
      () => ++photoNumber,
    ),
  );
  const { mission, tdr } = bundle;
  return {
    cover: {
      missionTitle: mission.title,
      project: mission.project,
      period: L.periodValue(formatDay(mission.startDate), formatDay(mission.endDate)),
      places: communes.map((c) => (placeOf(c) ? `${c.name} (${placeOf(c)})` : c.name)),
      generatedOn: L.generatedOn(formatDay(today)),
    },
    tdr: tdr ? { objectives: tdr.sections.objectives, expectedResults: tdr.sections.expectedResults } : null,
    participants: bundle.participants
      .filter((p) => !p.deletedAt)
      .sort(byKeyThenId((p) => p.order))
      .map((p, i) => [formatRowNumber(i + 1), p.fullName, p.function, p.organisation, formatPhone(p.phone), p.email]),
    communes: sections.map((s) => s.section),
    budget: {
      rows: sections.map((s, i) => budgetRow(communes[i].name, s.totals)),
      total: budgetRow(
        L.grandTotal,
        budgetTotals(
          sections.map(({ totals }, i) => ({
            activity: communes[i].name,
            plannedFcfa: totals.plannedFcfa,
            spentFcfa: totals.spentFcfa,
          })),
        ),
      ),
    },
    actions: bundle.actionPoints
      .filter((a) => !a.deletedAt)
      .sort(byKeyThenId((a) => a.number))
      .map((a) => [
        formatRowNumber(a.number),
        a.point,
        a.action,
        a.responsible,
        a.comments,
        formatDay(a.dueDate) || L.empty,
        L.actionStatuses[a.status],
      ]),
  };
}

/** Splits free text into paragraphs (one per line, blank lines dropped). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
