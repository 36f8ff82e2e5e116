// The figures as scenes: the map puts each commune where it is and says which are unknown; the chart
// has a row per commune with its rate; the SVG escapes what people typed.
import { describe, expect, it } from 'vitest';
import { budgetChart, compactFcfa } from '../../../src/report/graphics/budgetChart';
import { missionMap } from '../../../src/report/graphics/missionMap';
import { sceneToSvg } from '../../../src/report/graphics/scene';

const texts = (scene: ReturnType<typeof missionMap>) =>
  scene.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));

describe('the mission map', () => {
  const communes = [
    { number: 1, name: 'Mopti', lat: 14.4843, lon: -4.1827 },
    { number: 2, name: 'Douentza', lat: 15.0017, lon: -2.9498 },
    { number: 3, name: 'Sans position', lat: null, lon: null },
  ];
  const map = missionMap(communes, [{ number: 2, lat: 15.3, lon: -2.5 }]);

  it('numbers each placed commune, Douentza east and north of Mopti', () => {
    const circles = map.shapes.filter((s) => s.kind === 'circle' && s.r === 9);
    expect(circles).toHaveLength(2);
    const [mopti, douentza] = circles as { x: number; y: number }[];
    expect(douentza.x).toBeGreaterThan(mopti.x);
    expect(douentza.y).toBeLessThan(mopti.y);
    expect(texts(map)).toEqual(expect.arrayContaining(['1', '2', '1. Mopti', '2. Douentza']));
  });

  it('lists a commune without a position in the legend, marked as such', () => {
    expect(texts(map)).toContain('3. Sans position (position inconnue)');
  });

  it('draws a visit GPS point away from its commune with the commune’s number', () => {
    const squares = map.shapes.filter((s) => s.kind === 'rect' && s.fill === '#c0392b' && s.w === 7);
    expect(squares.length).toBeGreaterThanOrEqual(1);
    expect(map.shapes.filter((s) => s.kind === 'text' && s.text === '2')).toHaveLength(2);
  });

  it('is an SVG with Mali’s outline, escaping names', () => {
    const svg = sceneToSvg(missionMap([{ number: 1, name: 'A <b> & "c"', lat: 13, lon: -6 }], []));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('1. A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('<b>');
    expect((svg.match(/<path /g) ?? []).length).toBe(3); // neighbours, Mali, the régions' borders
  });
});

describe('the budget chart', () => {
  it('has one row per commune with planned and spent bars and the rate', () => {
    const chart = budgetChart(
      [
        { label: 'Mopti', plannedFcfa: 2_000_000, spentFcfa: 1_000_000, rate: 0.5 },
        { label: 'Douentza', plannedFcfa: 1_000_000, spentFcfa: 1_200_000, rate: 1.2 },
      ],
      2.2 / 3,
    );
    const t = chart.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    expect(t).toEqual(
      expect.arrayContaining(['Mopti', 'Douentza', '50\u00a0%', '120\u00a0%', 'Taux global : 73,3\u00a0%']),
    );
    const bars = chart.shapes.filter((s) => s.kind === 'rect' && s.h === 11) as { w: number }[];
    expect(bars).toHaveLength(4);
    expect(bars[0].w).toBeCloseTo(2 * bars[1].w); // Mopti: planned twice spent
  });

  it('writes amounts short on its axis', () => {
    expect(compactFcfa(2_500_000)).toBe('2,5 M');
    expect(compactFcfa(3_000_000)).toBe('3 M');
    expect(compactFcfa(750_000)).toBe('750 k');
  });
});
