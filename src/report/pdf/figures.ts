// The map and the chart in the PDF: pdfmake draws SVG itself, so the figures stay sharp at any zoom.
import type { Content } from 'pdfmake/interfaces';
import { type Scene, sceneToSvg } from '../graphics/scene';
import { CONTENT_WIDTH_PT } from './common';

/** The figure with its caption, on one page; `title` (a heading) is kept on that page too. */
export function figure(scene: Scene, caption: string, title?: Content, maxHeightPt = 560): Content {
  const width = Math.min(CONTENT_WIDTH_PT, (maxHeightPt * scene.width) / scene.height);
  return {
    stack: [
      ...(title ? [title] : []),
      { svg: sceneToSvg(scene), width, alignment: 'center' },
      { text: caption, style: 'caption' },
    ],
    unbreakable: true,
  };
}
