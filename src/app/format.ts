// Display formats the users expect in Mali: dates as 22/07/2024, money as `1 250 000 FCFA`.

/** 1 536 000 -> "1,5 Mo" (French units, as the users read them). */
export function formatBytes(bytes: number): string {
  const units = ['o', 'Ko', 'Mo', 'Go', 'To'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace('.', ',')} ${units[unit]}`;
}

/** "2024-07-22" -> "22/07/2024"; anything else is returned as it is. */
export function formatDay(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

/** 15.0019 -> "15,00190": five decimals (about a metre), a decimal comma as the forms ask to type it. */
export function formatCoordinate(degrees: number): string {
  return degrees.toFixed(5).replace('.', ',');
}

/** "15,00190 ; -2,94980": a semicolon between the two, since each number already holds a comma. */
export function formatPosition(lat: number, lon: number): string {
  return `${formatCoordinate(lat)}\u00a0; ${formatCoordinate(lon)}`;
}
