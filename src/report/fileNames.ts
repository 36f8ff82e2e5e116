// File names of the exports: readable, without accents or spaces, so they survive a USB stick, a
// messaging app and any operating system ("compte-rendu-visite-de-terrain.pdf").
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug || 'mission';
}

export const reportFileName = (title: string, ext: 'docx' | 'pdf') => `compte-rendu-${slugOf(title)}.${ext}`;
export const csvFileName = (title: string, table: string) => `${table}-${slugOf(title)}.csv`;
export const xlsxFileName = (title: string) => `tableaux-${slugOf(title)}.xlsx`;
export const archiveFileName = (title: string) => `mission-${slugOf(title)}.zip`;
