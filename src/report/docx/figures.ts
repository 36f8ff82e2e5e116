// The map and the chart in the Word report, as PNG drawn at one and a half times the printed size (sharp on paper
// and on screen); a device that cannot draw them gets a line saying so, not a failed report.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { Rasterizer } from '../graphics/rasterize';
import type { Scene } from '../graphics/scene';
import { reportLabels as L } from '../labels';
import { PAGE_WIDTH_PX } from './common';
import type { DocxPictures } from './media';

export async function figure(
  scene: Scene,
  caption: string,
  rasterize: Rasterizer,
  pictures: DocxPictures,
  maxHeightPx = 700,
): Promise<Paragraph[]> {
  const width = Math.min(PAGE_WIDTH_PX, (maxHeightPx * scene.width) / scene.height);
  const png = await rasterize(scene, (1.5 * width) / scene.width);
  const captionParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text: png ? caption : L.figureUnavailable, italics: true, size: 18 })],
  });
  if (!png) return [captionParagraph];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        pictures.run({
          kind: 'png',
          bytes: png,
          width: Math.round(width),
          height: Math.round((width * scene.height) / scene.width),
          altText: { name: scene.title, description: scene.title, title: caption },
        }),
      ],
    }),
    captionParagraph,
  ];
}
