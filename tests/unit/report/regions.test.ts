// Mali's régions on the mission map (issue 13): the generated extract (scripts/extract-mali-regions.mjs,
// Natural Earth admin-1) loads, its borders lie in Mali, every région of the app's list is named
// inside Mali, and the map draws the borders as open dashed lines under the communes.
import { describe, expect, it } from 'vitest';
import { MALI_OUTLINE } from '../../../src/report/graphics/maliMap';
import { REGION_BORDERS, REGION_LABELS } from '../../../src/report/graphics/maliRegions';
import { missionMap } from '../../../src/report/graphics/missionMap';
import { sceneToSvg } from '../../../src/report/graphics/scene';
import { MALI_REGIONS } from '../../../src/shared/mali/regions';

function inRing([x, y]: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const inMali = (p: readonly [number, number]) => MALI_OUTLINE.some((ring) => inRing(p, ring));
/** Within `margin` degrees of Mali (the régions' data and the outline come at different scales). */
const nearMali = ([lon, lat]: readonly [number, number], margin = 0.15) =>
  [-margin, 0, margin].some((dx) => [-margin, 0, margin].some((dy) => inMali([lon + dx, lat + dy])));

describe('the régions extract', () => {
  it('names the ten régions of the app’s list (Bamako has its own mark), each inside Mali', () => {
    const expected = MALI_REGIONS.map((r) => r.name).filter((name) => name !== 'District de Bamako');
    expect(REGION_LABELS.map((l) => l.name).sort()).toEqual([...expected].sort());
    for (const label of REGION_LABELS) expect(inMali([label.lon, label.lat]), label.name).toBe(true);
  });

  it('has borders, every point of them in Mali, and small enough to ship (under 400 points)', () => {
    expect(REGION_BORDERS.length).toBeGreaterThanOrEqual(6);
    const points = REGION_BORDERS.flat();
    expect(points.length).toBeLessThan(400);
    expect(points.filter((p) => !nearMali(p))).toEqual([]);
    // Inner borders: most points are well inside, not on the outline.
    expect(points.filter((p) => inMali(p)).length / points.length).toBeGreaterThan(0.8);
  });
});

describe('the régions on the mission map', () => {
  const map = missionMap([{ number: 1, name: 'Mopti', lat: 14.4843, lon: -4.1827 }], []);

  it('draws the borders as open dashed lines, after Mali and before the communes', () => {
    const index = map.shapes.findIndex((s) => s.kind === 'path' && s.open);
    const borders = map.shapes[index];
    expect(borders).toMatchObject({ kind: 'path', open: true, dash: 3 });
    expect(borders.kind === 'path' && borders.rings).toHaveLength(REGION_BORDERS.length);
    const firstCommune = map.shapes.findIndex((s) => s.kind === 'circle');
    expect(index).toBeLessThan(firstCommune);
    const svg = sceneToSvg(map);
    const path = svg.match(/<path d="([^"]+)" fill="none" stroke="#a08f6a"[^>]*stroke-dasharray="3 3"\/>/);
    expect(path?.[1]).not.toContain('Z');
  });

  it('writes the régions’ names under the communes', () => {
    const names = map.shapes.filter((s) => s.kind === 'text' && s.text === s.text.toUpperCase() && s.size === 8);
    expect(names.map((s) => (s.kind === 'text' ? s.text : ''))).toEqual(
      expect.arrayContaining(['KAYES', 'MOPTI', 'TOMBOUCTOU', 'MÉNAKA', 'TAOUDÉNIT']),
    );
    const lastName = map.shapes.lastIndexOf(names.at(-1)!);
    expect(lastName).toBeLessThan(map.shapes.findIndex((s) => s.kind === 'circle'));
  });
});
