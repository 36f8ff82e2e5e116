// "Record my position": the phone's GPS needs no network, so this works in a commune with no signal.
// The point is saved with its accuracy and time; refusal and no fix get a message saying what to do.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveVisitNote } from '../../../db/repositories/visitNotes';
import { GPS_TIMEOUT_MS, GPS_WEAK_ACCURACY_M } from '../../../shared/constants';
import type { GpsPoint, VisitNote } from '../../../shared/model';
import { formatDay, formatPosition } from '../../format';
import { saveErrorMessage } from './saveErrors';

type Locating = { kind: 'idle' } | { kind: 'locating' } | { kind: 'error'; message: string };

function currentPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, {
      enableHighAccuracy: true,
      timeout: GPS_TIMEOUT_MS,
      maximumAge: 0,
    }),
  );
}

function localTime(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { date: formatDay(day), time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

export function GpsSection({ note, readOnly }: { note: VisitNote; readOnly: boolean }) {
  const { t } = useTranslation(['visits', 'common']);
  const [locating, setLocating] = useState<Locating>({ kind: 'idle' });

  async function record() {
    if (!('geolocation' in navigator)) {
      setLocating({ kind: 'error', message: t('gps.unsupported') });
      return;
    }
    setLocating({ kind: 'locating' });
    let position: GeolocationPosition;
    try {
      position = await currentPosition();
    } catch (error) {
      const denied = (error as GeolocationPositionError).code === 1;
      setLocating({ kind: 'error', message: denied ? t('gps.denied') : t('gps.unavailable') });
      return;
    }
    const gps: GpsPoint = {
      lat: position.coords.latitude,
      lon: position.coords.longitude,
      accuracyM: Math.max(0, position.coords.accuracy),
      at: new Date(position.timestamp).toISOString(),
    };
    try {
      await saveVisitNote(note.id, { gps });
      setLocating({ kind: 'idle' });
    } catch (error) {
      setLocating({ kind: 'error', message: saveErrorMessage(error, t) });
    }
  }

  const { gps } = note;
  return (
    <section className="card" aria-labelledby="gps-title">
      <h3 id="gps-title">{t('gps.title')}</h3>
      {gps ? (
        <div data-testid="gps-point">
          <p className="gps-coords">{formatPosition(gps.lat, gps.lon)}</p>
          <p className="muted">
            {t('gps.accuracy', { meters: Math.round(gps.accuracyM) })} · {t('gps.recordedAt', localTime(gps.at))}
          </p>
          {gps.accuracyM > GPS_WEAK_ACCURACY_M && <p className="warning">{t('gps.weak')}</p>}
        </div>
      ) : (
        <p className="muted">{t('gps.none')}</p>
      )}
      {locating.kind === 'locating' && (
        <p role="status" aria-busy="true">
          {t('gps.locating')}
        </p>
      )}
      {locating.kind === 'error' && (
        <p className="field-error" role="alert">
          {locating.message}
        </p>
      )}
      {!readOnly && (
        <button type="button" className="button" disabled={locating.kind === 'locating'} onClick={() => void record()}>
          {gps ? t('gps.replace') : t('gps.record')}
        </button>
      )}
    </section>
  );
}
