// The page's entry. The static shell of index.html paints first; then the app's code runs in a few
// tasks rather than one: a slow phone's main thread is never held long (evaluating the whole app at
// once took one task of about 60 ms here, 240 ms at a low-end phone's speed). Its files are asked
// for all together once the shell has painted (appFiles.ts), so splitting their evaluation costs no
// round trip. The stylesheets stay here, static: the build puts them in
// the page (build/inlineStylesheetPlugin.ts), so the app never renders unstyled.
import './styles.css';
import './styles/revisionRequests.css';
import './styles/tables.css';
import './styles/shell.css';
import './styles/participantSuggestions.css';
import './styles/prepareMission.css';
import './styles/reportLogos.css';
import './styles/install.css';
import { preloadAppFiles } from './appFiles';
import { captureInstallPrompt } from './install/installPrompt';

// At once: the browser offers installing once per page load, possibly before the app has started.
captureInstallPrompt();

/**
 * Once the static shell has painted: the browser's first-contentful-paint entry, or a moment after
 * the next frame where there is none (a browser without paint timing, a hidden tab that paints
 * no frames). A frame callback alone is not enough: the paint reaches the screen after it.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      resolve();
    };
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) start();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      observer = null; // no paint timing here
    }
    requestAnimationFrame(() => setTimeout(start, observer ? 250 : 0));
    setTimeout(start, 500);
  });
}

/** Lets the browser run what waits (input, a frame) before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Marked when the app's own code starts (tests check that it comes after the shell's first paint). */
export const APP_START_MARK = 'terrain:app-start';

async function boot(): Promise<void> {
  await afterFirstPaint();
  preloadAppFiles();
  performance.mark(APP_START_MARK);
  // Before any schema is built (zodWithoutEval.ts).
  await import('./zodWithoutEval');
  await import('react-dom/client');
  await nextTask();
  // Opened here, in tasks of its own (on a new phone: creating every table), rather than by the
  // first screen's queries, which would then wait for it and all run in the same task. A database
  // that cannot open is said by the screens, whose queries meet the same error.
  const { db } = await import('../db/schema');
  await db.open().catch(() => undefined);
  await nextTask();
  await import('./main');
}

void boot();
