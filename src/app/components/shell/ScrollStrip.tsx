// A row wider than the screen (a mission's tabs at 360 px) that scrolls sideways, with a fade and
// an arrow on each side where more is hidden, so nobody takes the visible tabs for all of them; the
// current item is brought into view on each change of page. Marked data-scroll-area: the layout
// tests allow overflow inside it.
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export function ScrollStrip({
  children,
  watch,
  className,
}: {
  children: ReactNode;
  watch: unknown;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((now) => (now.left === left && now.right === right ? now : { left, right }));
  }, []);

  // The current item (aria-current) in view, without scrolling the page itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `watch` is the change of page to follow
  useLayoutEffect(() => {
    const el = ref.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    if (el && current) {
      const start = current.offsetLeft - el.offsetLeft;
      const end = start + current.offsetWidth;
      const margin = 32; // past the fade
      if (start - margin < el.scrollLeft) el.scrollLeft = Math.max(0, start - margin);
      else if (end + margin > el.scrollLeft + el.clientWidth) el.scrollLeft = end + margin - el.clientWidth;
    }
    measure();
  }, [watch, measure]);

  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  return (
    <div
      className={`scroll-strip${edges.left ? ' more-left' : ''}${edges.right ? ' more-right' : ''} ${className ?? ''}`}
    >
      <div className="scroll-strip-track" ref={ref} onScroll={measure} data-scroll-area>
        {children}
      </div>
      <span className="scroll-cue scroll-cue-left" aria-hidden="true">
        ‹
      </span>
      <span className="scroll-cue scroll-cue-right" aria-hidden="true">
        ›
      </span>
    </div>
  );
}
