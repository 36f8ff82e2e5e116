// One part of a screen that cannot render (a record holding a value no screen expects: an older
// server let some in, and a device may hold anything) says so in place; the rest of the screen, and
// every other record, keeps working. The root ErrorBoundary stays for what is outside any section.
import { Component, type ReactNode } from 'react';
import { i18n } from '../i18n';

interface State {
  error: Error | null;
}

export class SectionBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error('Terrain: a part of the screen could not be shown', error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="warning section-error" role="alert">
        <p>{i18n.t('errors.section')}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          {i18n.t('errors.retry')}
        </button>
      </div>
    );
  }
}
