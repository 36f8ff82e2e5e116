// Something wider than the phone (a table that must stay a table, such as the paste preview, which
// mirrors the spreadsheet it came from) scrolls sideways inside the page, never the page itself,
// and says so: a shadow on each side that has more, and "Faire défiler →" while there is more.
// data-scroll-area marks the only places where content may be wider than the screen.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Edges {
  overflowing: boolean;
  moreLeft: boolean;
  moreRight: boolean;
}

function edgesOf(element: HTMLElement): Edges {
  const hidden = element.scrollWidth - element.clientWidth;
  return { overflowing: hidden > 1, moreLeft: element.scrollLeft > 1, moreRight: element.scrollLeft < hidden - 1 };
}

const sameEdges = (a: Edges, b: Edges) =>
  a.overflowing === b.overflowing && a.moreLeft === b.moreLeft && a.moreRight === b.moreRight;

export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('common');
  const area = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ overflowing: false, moreLeft: false, moreRight: false });

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const measure = () => {
      const next = edgesOf(element);
      setEdges((current) => (sameEdges(current, next) ? current : next));
    };
    measure();
    // The frame changes with the screen, the content with its rows: either may start or end the overflow.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);

  const { overflowing, moreLeft, moreRight } = edges;
  return (
    <div className="scroll-frame">
      {overflowing && (
        // For the eyes: a screen reader reads the table's rows and columns whatever the width.
        <p className="scroll-hint" aria-hidden="true">
          {moreRight ? t('scrollArea.more') : t('scrollArea.back')}
        </p>
      )}
      <div className="scroll-shade" data-more-left={moreLeft} data-more-right={moreRight}>
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this is a box around a table. */}
        <div
          ref={area}
          className="scroll-area"
          data-scroll-area=""
          // Scrolled with the keyboard's arrows once focused, as axe's scrollable-region-focusable asks.
          tabIndex={overflowing ? 0 : undefined}
          role="group"
          aria-label={label}
        >
          {children}
        </div>
      </div>
    </div>
  );
}
