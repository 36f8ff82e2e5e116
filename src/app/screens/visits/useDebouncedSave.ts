// Saves without a save button: a change schedules a save AUTOSAVE_DEBOUNCE_MS later, a burst of
// typing makes one save, saves never overlap, and a pending save runs at once when the page is
// hidden or left (switching apps, closing the tab) and when the component goes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import { AUTOSAVE_DEBOUNCE_MS } from '../../../shared/constants';

export type SaveStatus = 'saved' | 'saving' | 'failed';

export function useDebouncedSave(save: () => Promise<void>, onError: (error: unknown) => void) {
  const saveRef = useRef(save);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    saveRef.current = save;
    onErrorRef.current = onError;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [status, setStatus] = useState<SaveStatus>('saved');

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    if (!dirty.current) return queue.current;
    dirty.current = false;
    queue.current = queue.current
      .then(() => saveRef.current())
      .then(
        () => {
          if (!dirty.current) setStatus('saved');
        },
        (error: unknown) => {
          // Keep it pending: the next change (or leaving the page) tries again.
          dirty.current = true;
          setStatus('failed');
          onErrorRef.current(error);
        },
      );
    return queue.current;
  }, []);

  const schedule = useCallback(() => {
    dirty.current = true;
    setStatus('saving');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DEBOUNCE_MS);
  }, [flush]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  return { schedule, flush, status };
}
