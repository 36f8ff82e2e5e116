// A GPS point as a French reader expects it: "14,4843° N, 4,1827° O (précision 12 m)".
import type { GpsPoint } from '../shared/model';
import { reportLabels as L } from './labels';

const decimal = (value: number) => Math.abs(value).toFixed(4).replace('.', ',');

export function formatGps(point: GpsPoint | null): string {
  if (!point) return '';
  const lat = `${decimal(point.lat)}° ${point.lat < 0 ? 'S' : 'N'}`;
  const lon = `${decimal(point.lon)}° ${point.lon < 0 ? 'O' : 'E'}`;
  const accuracy = Number.isFinite(point.accuracyM) && point.accuracyM > 0 ? String(Math.round(point.accuracyM)) : '';
  return L.gpsValue(lat, lon, accuracy);
}
