// The report's content, worked out once from a mission bundle and then laid out by the Word and
// PDF writers: which notes and photos go in, row numbers, totals and every formatted value. Keeping
// this apart means both documents always say the same thing.
import type { Commune, Participant, Photo, VisitNote } from '../shared/model';
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
import { formatGps } from './gps';
import type { ChartRow } from './graphics/budgetChart';
import type { MapCommune, MapVisit } from './graphics/missionMap';
import { reportLabels as L } from './labels';
import { placeLabel, placeOf } from './places';
import { type ReviewStatus, reviewStatus } from './review';
import { DEFAULT_REPORT_SETTINGS, REPORT_PARTS, type ReportPart, type Signatory } from './settings';

export interface ReportVisit {
  date: string;
  /** The note's authors, by name. */
  authors: string;
  peopleMet: string;
  observations: string;
  difficulties: string;
  recommendations: string;
  /** The GPS point taken at the visit, formatted; empty when none was taken. */
  gps: string;
  review: ReviewStatus;
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
  /** The commune's number on the itinerary, also printed on the map. */
  number: number;
  heading: string;
  visits: ReportVisit[];
  /** N°, activity, state, planned, spent, rate. */
  achievements: string[][];
  total: BudgetRow;
  photos: ReportPhoto[];
}

export interface ReportTdr {
  /** The latest TdR revision's texts, or null when none was written. */
  texts: { context: string; objectives: string; expectedResults: string } | null;
  team: { count: string; members: string[] };
  vehicles: string[];
  /** N°, commune, cercle, région, planned date, visited date. */
  itinerary: string[][];
}

export interface ReportModel {
  cover: {
    missionTitle: string;
    project: string;
    period: string;
    places: string[];
    generatedOn: string;
    letterhead: string[];
    subtitle: string;
  };
  /** Printed at the top of every page but the first. */
  runningHeader: string;
  parts: Set<ReportPart>;
  synthesis: string;
  tdr: ReportTdr;
  participants: string[][];
  communes: ReportCommune[];
  budget: { rows: BudgetRow[]; total: BudgetRow };
  actions: string[][];
  conclusion: string;
  signatures: { placeAndDay: string; signatories: Signatory[] };
  annexes: string[];
  /** Logos for the title page, by content hash (read like photos). */
  logoHashes: string[];
  /** The figures' data: planned and spent per commune, and the map's points. */
  chart: { rows: ChartRow[]; overallRate: number | null };
  map: { communes: MapCommune[]; visits: MapVisit[] };
}

const byKeyThenId =
  <T extends { id: string }>(key: (x: T) => string | number) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id.localeCompare(b.id);

function communeSection(
  number: number,
  commune: Commune,
  notes: VisitNote[],
  bundle: MissionBundle,
  photosByNote: Map<string, Photo[]>,
  names: Map<string, string>,
  nextPhotoNumber: () => number,
) {
  const achievements = notes.flatMap((n) => n.achievements).filter((a) => !isEmptyLine(a));
  const totals = budgetTotals(achievements);
  const photos = notes.flatMap((n) => photosByNote.get(n.id) ?? []);
  const section: ReportCommune = {
    number,
    heading: L.communeHeading(number, commune.name, placeOf(commune)),
    visits: notes.map((n) => ({
      date: formatDay(n.visitDate) || L.empty,
      authors: n.authorIds.flatMap((id) => names.get(id) ?? []).join(', '),
      peopleMet: n.peopleMet,
      observations: n.observations,
      difficulties: n.difficulties,
      recommendations: n.recommendations,
      gps: formatGps(n.gps),
      review: reviewStatus(n, bundle.reviewComments),
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

function tdrReminder(
  bundle: MissionBundle,
  participants: Participant[],
  communes: Commune[],
  visitedDays: (c: Commune) => string,
): ReportTdr {
  const { tdr, mission } = bundle;
  return {
    texts: tdr
      ? {
          context: tdr.sections.context,
          objectives: tdr.sections.objectives,
          expectedResults: tdr.sections.expectedResults,
        }
      : null,
    team: {
      count: L.teamCount(formatRowNumber(participants.length), participants.length),
      members: participants.map((p) => L.member(p.fullName, p.function, p.organisation)),
    },
    vehicles: mission.vehicles.map((v) => L.vehicle(v.label, v.driver, v.seats)),
    itinerary: communes.map((c, i) => [
      formatRowNumber(i + 1),
      c.name,
      c.cercle || L.empty,
      c.region || L.empty,
      formatDay(c.plannedDate) || L.empty,
      visitedDays(c) || L.empty,
    ]),
  };
}

/** Builds the report's content. `today` is the day printed on the cover (ISO, YYYY-MM-DD). */
export function buildReportModel(
  bundle: MissionBundle,
  options: BuildOptions = {},
  today = new Date().toISOString().slice(0, 10),
): ReportModel {
  const settings = { ...DEFAULT_REPORT_SETTINGS, ...bundle.settings };
  const states = new Set(options.noteStates ?? DEFAULT_NOTE_STATES);
  const liveNotes = bundle.notes.filter((n) => !n.deletedAt).sort(byKeyThenId((n) => n.visitDate || '9999'));
  const notes = liveNotes.filter((n) => states.has(n.state));
  // The order the app lists a note's photos in (by id, i.e. as they were added), so "Photo 3" is
  // the third picture the authors see under the note.
  const photosByNote = new Map<string, Photo[]>();
  for (const p of [...bundle.photos].sort((a, b) => a.id.localeCompare(b.id))) {
    if (p.deletedAt || !p.forReport) continue;
    photosByNote.set(p.noteId, [...(photosByNote.get(p.noteId) ?? []), p]);
  }
  const participants = bundle.participants.filter((p) => !p.deletedAt).sort(byKeyThenId((p) => p.order));
  const names = new Map(participants.map((p) => [p.id, p.fullName]));
  const communes = bundle.communes.filter((c) => !c.deletedAt).sort(byKeyThenId((c) => c.plannedDate || '9999'));
  // The days of the visits the report tells (a draft's date may still be wrong).
  const visitedDays = (c: Commune) =>
    [...new Set(notes.filter((n) => n.communeId === c.id && n.visitDate).map((n) => formatDay(n.visitDate)))].join(
      ', ',
    );
  let photoNumber = 0;
  const sections = communes.map((c, i) =>
    communeSection(
      i + 1,
      c,
      notes.filter((n) => n.communeId === c.id),
      bundle,
      photosByNote,
      names,
      () => ++photoNumber,
    ),
  );
  const { mission } = bundle;
  const grandTotal = budgetTotals(
    sections.map(({ totals }, i) => ({
      activity: communes[i].name,
      plannedFcfa: totals.plannedFcfa,
      spentFcfa: totals.spentFcfa,
    })),
  );
  const numberOf = new Map(communes.map((c, i) => [c.id, i + 1]));
  const excluded = new Set(settings.excludedParts);
  return {
    cover: {
      missionTitle: mission.title,
      project: mission.project,
      period: L.periodValue(formatDay(mission.startDate), formatDay(mission.endDate)),
      places: communes.map(placeLabel),
      generatedOn: L.generatedOn(formatDay(today)),
      letterhead: paragraphsOf(settings.letterhead),
      subtitle: settings.subtitle.trim(),
    },
    runningHeader: L.runningHeader(mission.title),
    parts: new Set(REPORT_PARTS.filter((p) => !excluded.has(p))),
    synthesis: settings.synthesis.trim(),
    tdr: tdrReminder(bundle, participants, communes, visitedDays),
    participants: participants.map((p, i) => [
      formatRowNumber(i + 1),
      p.fullName,
      p.function,
      p.organisation,
      formatPhone(p.phone),
      p.email,
    ]),
    communes: sections.map((s) => s.section),
    budget: {
      rows: sections.map((s, i) => budgetRow(communes[i].name, s.totals)),
      total: budgetRow(L.grandTotal, grandTotal),
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
    conclusion: settings.conclusion.trim(),
    signatures: {
      placeAndDay: settings.signedAt.trim() ? L.signedAt(settings.signedAt.trim(), formatDay(today)) : '',
      signatories: settings.signatories.filter((s) => s.name.trim() || s.function.trim()),
    },
    annexes: paragraphsOf(settings.annexes).map((title, i) => L.annex(i + 1, title)),
    logoHashes: settings.logoHashes.slice(0, 3),
    chart: {
      rows: sections.map(({ totals }, i) => ({
        label: communes[i].name,
        plannedFcfa: totals.plannedFcfa,
        spentFcfa: totals.spentFcfa,
        rate: totals.rate,
      })),
      overallRate: grandTotal.rate,
    },
    map: {
      communes: communes.map((c, i) => ({ number: i + 1, name: c.name, lat: c.lat, lon: c.lon })),
      visits: notes.flatMap((n) =>
        n.gps && numberOf.has(n.communeId)
          ? [{ number: numberOf.get(n.communeId) as number, lat: n.gps.lat, lon: n.gps.lon }]
          : [],
      ),
    },
  };
}

/** Splits free text into paragraphs (one per line, blank lines dropped). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
