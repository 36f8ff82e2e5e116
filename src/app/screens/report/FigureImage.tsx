// A report figure (map or chart) on screen: the same SVG the PDF embeds, shown as an image (no
// script, no network), scaled to the width of the phone.
import { useMemo } from 'react';
import { type Scene, sceneToSvg } from '../../../report/graphics/scene';

/** Figures on screen are drawn for a phone's width, so their words are read at their size. */
export const SCREEN_FIGURE_WIDTH = 320;

export function FigureImage({ scene, caption }: { scene: Scene; caption: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(sceneToSvg(scene))}`, [scene]);
  return (
    <figure className="report-figure">
      <img src={src} alt={scene.title} width={scene.width} height={scene.height} />
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}
