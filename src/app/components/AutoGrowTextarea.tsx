// A text area that grows with what is typed, so a long observation is read and edited on a phone
// without a small box that scrolls inside the page. Works with react-hook-form's register (ref).
import { type ComponentProps, type Ref, useCallback, useLayoutEffect, useRef } from 'react';

function fitHeight(element: HTMLTextAreaElement) {
  element.style.height = 'auto';
  element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

export function AutoGrowTextarea({ ref, onInput, className, ...props }: ComponentProps<'textarea'>) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  const setRef = useCallback(
    (element: HTMLTextAreaElement | null) => {
      own.current = element;
      assignRef(ref, element);
    },
    [ref],
  );
  // Fit once the text is in (a restored draft can be long) and whenever the width changes.
  useLayoutEffect(() => {
    const element = own.current;
    if (!element) return;
    fitHeight(element);
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      fitHeight(element);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <textarea
      {...props}
      ref={setRef}
      className={className ? `auto-grow ${className}` : 'auto-grow'}
      onInput={(event) => {
        fitHeight(event.currentTarget);
        onInput?.(event);
      }}
    />
  );
}
