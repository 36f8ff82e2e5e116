import './zodWithoutEval';
import { StrictMode, Suspense, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import './i18n';
import { captureInstallPrompt } from './install/installPrompt';
import { requestPersistenceOnceThereIsData } from './install/keepData';
import { AppRoutes } from './routes';
import './styles.css';
import './styles/revisionRequests.css';
import './styles/tables.css';
import './styles/shell.css';
import './styles/participantSuggestions.css';
import './styles/prepareMission.css';
import './styles/reportLogos.css';
import './styles/install.css';

// Before the first render: the browser offers installing once per page load, possibly at once.
captureInstallPrompt();
// Field data lives only here until it syncs, so eviction would lose it: ask to keep it once there is some.
requestPersistenceOnceThereIsData();

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
