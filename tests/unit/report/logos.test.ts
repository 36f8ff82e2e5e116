// The title page's logos (issue 13): up to three, in a row at the top of the first page of both
// documents, each scaled to fit its third of the width; a transparent PNG stays a PNG.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MissionBundle } from '../../../src/report/bundle';
import { buildDocx } from '../../../src/report/docx';
import { buildPdf } from '../../../src/report/pdf';
import { DEMO_SETTINGS, demoBundle } from '../../fixtures/reportBundle';
import { bannerJpeg, type LogoImage, sealPng } from './logoImages';
import { pdfImagesPerPage, readDocx } from './readBack';

const SLOW_MACHINE_MS = 60_000;
let seal: LogoImage;
let banner: LogoImage;

beforeAll(async () => {
  [seal, banner] = await Promise.all([sealPng(), bannerJpeg()]);
});

function withLogos(logos: LogoImage[]): MissionBundle {
  const demo = demoBundle();
  const byHash = new Map(logos.map((l) => [l.hash, l.bytes]));
  return {
    ...demo,
    settings: { ...DEMO_SETTINGS, logoHashes: logos.map((l) => l.hash) },
    photoBytes: async (hash) => byHash.get(hash) ?? demo.photoBytes(hash),
  };
}

/** The picture extents (EMU) of the drawings before the mission's title, in document order. */
function titlePageDrawings(xml: string): { cx: number; cy: number }[] {
  const titleAt = xml.indexOf('Visite de terrain du comité technique');
  return [...xml.slice(0, titleAt).matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({
    cx: Number(m[1]),
    cy: Number(m[2]),
  }));
}

describe('logos on the Word title page', { timeout: SLOW_MACHINE_MS }, () => {
  it('puts each logo, bytes unchanged (the PNG stays a PNG), before the mission title, in a row', async () => {
    const bytes = await buildDocx(withLogos([seal, banner]));
    const media = Object.entries(unzipSync(bytes)).filter(([p]) => p.startsWith('word/media/'));
    const same = (logo: LogoImage) =>
      media.some(([, data]) => data.length === logo.bytes.length && data.every((b, i) => b === logo.bytes[i]));
    expect(same(seal)).toBe(true);
    expect(same(banner)).toBe(true);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    const drawings = titlePageDrawings(xml);
    expect(drawings).toHaveLength(2);
    // Ratios kept (square seal, 4:1 banner), and the row fits the page's text width (16 cm).
    expect(drawings[0].cx / drawings[0].cy).toBeCloseTo(1, 1);
    expect(drawings[1].cx / drawings[1].cy).toBeCloseTo(4, 1);
    const textWidthEmu = 16 * 360_000;
    expect(drawings.reduce((sum, d) => sum + d.cx, 0)).toBeLessThanOrEqual(textWidthEmu);
    // Both in one paragraph: side by side, not one under the other.
    const firstParagraph = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:p>') + 6);
    expect(firstParagraph.match(/<w:drawing>/g)).toHaveLength(2);
    const doc = await readDocx(bytes);
    expect(doc.html.indexOf('<img')).toBeLessThan(doc.html.indexOf('Visite de terrain du comité technique'));
  });

  it('prints at most three logos, and none when none was chosen', async () => {
    const fourth = { ...seal, hash: 'f'.repeat(64) };
    const third = { ...banner, hash: 'e'.repeat(64) };
    const bundle = withLogos([seal, banner, third, fourth]);
    // The model takes the first three (the app never sets more; two devices offline might).
    expect(titlePageDrawings(strFromU8(unzipSync(await buildDocx(bundle))['word/document.xml']))).toHaveLength(3);
    expect(titlePageDrawings(strFromU8(unzipSync(await buildDocx(demoBundle()))['word/document.xml']))).toEqual([]);
  });

  it('skips a logo this device does not hold yet, instead of failing the report', async () => {
    const bundle = withLogos([seal]);
    bundle.settings = { ...DEMO_SETTINGS, logoHashes: ['0'.repeat(64), seal.hash] };
    expect(titlePageDrawings(strFromU8(unzipSync(await buildDocx(bundle))['word/document.xml']))).toHaveLength(1);
  });
});

describe('logos on the PDF title page', { timeout: SLOW_MACHINE_MS }, () => {
  it('paints both logos on the first page, and nothing more elsewhere', async () => {
    const plain = await pdfImagesPerPage(await buildPdf(withLogos([])));
    const logos = await pdfImagesPerPage(await buildPdf(withLogos([seal, banner])));
    expect(plain[0]).toBe(0);
    expect(logos[0]).toBe(2);
    expect(logos.slice(1)).toEqual(plain.slice(1));
  });
});
