// Started by boot.ts, once the static shell has painted (its stylesheets are imported there).
import './zodWithoutEval';
import { StrictMode, Suspense, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import './i18n';
import { requestPersistenceOnceThereIsData } from './install/keepData';
import { AppRoutes } from './routes';
import { whenIdle } from './whenIdle';

// Field data lives only here until it syncs, so eviction would lose it: ask to keep it once there is
// some. Not urgent: started once the first screen has settled, not among its own queries.
whenIdle(requestPersistenceOnceThereIsData);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const app = createRoot(root);
// As a transition, the first render is done in slices of a few milliseconds between which a slow
// phone stays responsive (one long task otherwise); the static shell of index.html stays on screen
// until it is done.
startTransition(() => {
  app.render(
    <StrictMode>
      <ErrorBoundary>
        {/* A catalogue still loading in the app's frame shows a line, never a blank page. */}
        <Suspense fallback={<Loading />}>
          <AppRoutes />
        </Suspense>
      </ErrorBoundary>
    </StrictMode>,
  );
});
