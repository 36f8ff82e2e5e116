// The files the app needs to start, as the build lists them in the page (build/preloadAppPlugin.ts).
// Asked for all at once, once the static shell has painted: the staged imports of boot.ts then find
// them fetched (or on their way) instead of discovering them one stage at a time.

/** The meta tag's name; its content is the files' paths, separated by spaces. */
export const APP_FILES_META = 'terrain-app-files';

/** Starts fetching and compiling every listed file; evaluates none (modulepreload). */
export function preloadAppFiles(doc: Document = document): void {
  const listed = doc.querySelector<HTMLMetaElement>(`meta[name="${APP_FILES_META}"]`)?.content ?? '';
  for (const href of listed.split(' ').filter(Boolean)) {
    // The same attributes as Vite's own links, so its preload helper sees them and adds no other.
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
}
