import { formatDay } from '../../format';

/** "2024-06-20T14:05:00Z" -> "20/06/2024 14:05", in the device's time zone. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${formatDay(day)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
