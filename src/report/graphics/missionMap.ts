// The map of the mission, drawn offline: Mali's outline and its neighbours (Natural Earth, see
// maliMap.ts), the borders and names of its régions (maliRegions.ts), Bamako for bearings, each commune of the itinerary where it is known, numbered as in
// the report, and each visit's GPS point. A scene (scene.ts), so the overview screen, the PDF and
// the Word report draw the same figure.
import { MALI_OUTLINE, NEIGHBOUR_OUTLINES } from './maliMap';
import { REGION_BORDERS, REGION_LABELS } from './maliRegions';
import type { Point, Scene, Shape } from './scene';

export interface MapCommune {
  number: number;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface MapVisit {
  /** The number of the visit's commune. */
  number: number;
  lat: number;
  lon: number;
}

/** What the map shows of the world: Mali with a margin (degrees). */
const VIEW = { west: -12.6, east: 4.6, south: 9.9, north: 25.3 };
const BAMAKO = { lat: 12.6392, lon: -8.0029 };
const COMMUNE_COLOUR = '#1f6f43';
const VISIT_COLOUR = '#c0392b';
const TEXT = '#222222';
const REGION_COLOUR = '#a08f6a';

export function missionMap(communes: readonly MapCommune[], visits: readonly MapVisit[], width = 640): Scene {
  // Equirectangular, with longitudes shortened by the cosine of Mali's middle latitude, so shapes
  // keep their proportions at this scale.
  const squeeze = Math.cos((((VIEW.north + VIEW.south) / 2) * Math.PI) / 180);
  const scale = width / ((VIEW.east - VIEW.west) * squeeze);
  const height = Math.round((VIEW.north - VIEW.south) * scale);
  const project = (lon: number, lat: number): Point => [
    (lon - VIEW.west) * squeeze * scale,
    (VIEW.north - lat) * scale,
  ];
  const inView = (lat: number | null, lon: number | null): lat is number =>
    lat != null && lon != null && lat >= VIEW.south && lat <= VIEW.north && lon >= VIEW.west && lon <= VIEW.east;
  const ring = (points: readonly (readonly [number, number])[]) => points.map(([lon, lat]) => project(lon, lat));

  const shapes: Shape[] = [
    { kind: 'rect', x: 0, y: 0, w: width, h: height, fill: '#eef3f7' },
    { kind: 'path', rings: NEIGHBOUR_OUTLINES.map(ring), fill: '#f4f1ea', stroke: '#b9b3a6', width: 0.8 },
    { kind: 'path', rings: MALI_OUTLINE.map(ring), fill: '#fbf6e4', stroke: '#6b5b3e', width: 1.6 },
    // The régions' borders, dashed to tell them from the country's.
    { kind: 'path', rings: REGION_BORDERS.map(ring), stroke: REGION_COLOUR, width: 0.8, open: true, dash: 3 },
  ];
  // The régions' names under everything else: a commune on top of a name stays readable.
  for (const { name, lon, lat } of REGION_LABELS) {
    const [x, y] = project(lon, lat);
    shapes.push({ kind: 'text', x, y, text: name.toUpperCase(), size: 8, fill: REGION_COLOUR, anchor: 'middle' });
  }
  const [bx, by] = project(BAMAKO.lon, BAMAKO.lat);
  shapes.push(
    { kind: 'rect', x: bx - 3.5, y: by - 3.5, w: 7, h: 7, fill: '#333333' },
    { kind: 'text', x: bx - 7, y: by + 4, text: 'Bamako', size: 11, fill: '#333333', anchor: 'end' },
  );
  const placed = new Map<number, Point>();
  for (const c of communes) if (inView(c.lat, c.lon)) placed.set(c.number, project(c.lon as number, c.lat));
  for (const v of visits) {
    if (!inView(v.lat, v.lon)) continue;
    const [x, y] = project(v.lon, v.lat);
    shapes.push({ kind: 'rect', x: x - 3.5, y: y - 3.5, w: 7, h: 7, fill: VISIT_COLOUR });
    const commune = placed.get(v.number);
    // Next to its commune, the commune's number already says which visit it is.
    if (!commune || Math.hypot(commune[0] - x, commune[1] - y) > 14)
      shapes.push({
        kind: 'text',
        x: x + 6,
        y: y - 4,
        text: String(v.number),
        size: 10,
        fill: VISIT_COLOUR,
        bold: true,
      });
  }
  for (const [number, [x, y]] of placed) {
    shapes.push(
      { kind: 'circle', x, y, r: 9, fill: COMMUNE_COLOUR, stroke: '#ffffff', width: 1.5 },
      {
        kind: 'text',
        x,
        y: y + 4,
        text: String(number),
        size: number > 9 ? 9 : 11,
        fill: '#ffffff',
        anchor: 'middle',
        bold: true,
      },
    );
  }
  // The legend, in the north-west corner (Mauritania, empty on this map).
  const legend: Shape[] = [
    { kind: 'circle', x: 18, y: 20, r: 7, fill: COMMUNE_COLOUR },
    { kind: 'text', x: 32, y: 24, text: 'Commune (n° du rapport)', size: 11, fill: TEXT },
    { kind: 'rect', x: 14.5, y: 36.5, w: 7, h: 7, fill: VISIT_COLOUR },
    { kind: 'text', x: 32, y: 44, text: 'Point GPS d’une visite', size: 11, fill: TEXT },
  ];
  communes.slice(0, 24).forEach((c, i) => {
    const known = inView(c.lat, c.lon);
    legend.push({
      kind: 'text',
      x: 14,
      y: 66 + i * 14,
      text: `${c.number}. ${c.name.length > 26 ? `${c.name.slice(0, 25)}…` : c.name}${known ? '' : ' (position inconnue)'}`,
      size: 10,
      fill: known ? TEXT : '#777777',
    });
  });
  // A white box behind the legend: on a narrow map it reaches over Mali's western border.
  const listed = communes.slice(0, 24);
  const longest = Math.max(0, ...legend.flatMap((l) => (l.kind === 'text' ? [l.text.length * (l.size * 0.56)] : [])));
  shapes.push(
    { kind: 'rect', x: 4, y: 4, w: Math.min(width - 8, longest + 40), h: 52 + listed.length * 14 + 6, fill: '#ffffff' },
    ...legend,
  );
  // Where the régions' borders come from, and the two the data set does not have (maliRegions.ts).
  const source = ['Limites des régions : Natural Earth', '(Ménaka et Taoudénit non tracées)'];
  for (const [i, text] of source.entries())
    shapes.push({ kind: 'text', x: width - 6, y: height - 17 + i * 11, text, size: 8, fill: '#777777', anchor: 'end' });
  return { width, height, title: 'Carte de la mission : communes de l’itinéraire et points GPS des visites', shapes };
}
