import './zodWithoutEval';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { requestPersistentStorage } from '../db/storage';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import './i18n';
import { AppRoutes } from './routes';
import './styles.css';
import './styles/shell.css';
import './styles/participantSuggestions.css';
import './styles/prepareMission.css';
import './styles/reportLogos.css';

// Ask once at start: field data lives only here until it syncs, so eviction would lose it.
void requestPersistentStorage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      {/* A catalogue still loading in the app's frame shows a line, never a blank page. */}
      <Suspense fallback={<Loading />}>
        <AppRoutes />
      </Suspense>
    </ErrorBoundary>
  </StrictMode>,
);
