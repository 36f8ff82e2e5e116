// Vite build step on index.html: the app's stylesheet goes into the page, as a <style> at the end
// of <body>. As a <link> in <head> it blocked the first paint until the CSS arrived (one more
// round trip on 3G before anything shows); inline, after the static shell (styled by its own inline
// <style>), it costs no request and is there when the app's scripts run, so React never renders
// unstyled. The server allows each inline style of index.html by its hash
// (src/server/http/inlineStyleHashes.ts).
//
// The <link> stays, disabled and for no medium: Vite's loader of lazy chunks looks for it before
// fetching the entry's CSS that those chunks list, and would otherwise add it again and wait for
// it. Chromium still fetches it, at the lowest priority and holding nothing back (it is precached
// anyway), so the file stays.
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link rel="stylesheet"([^>]*)href="\/([^"]+\.css)"([^>]*)>/g;

export function inlineStylesheetPlugin(): Plugin {
  return {
    name: 'terrain:stylesheet-inline',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const styles: string[] = [];
        const page = html.replace(STYLESHEET_LINK, (link, before: string, fileName: string, after: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return link;
          styles.push(`    <style>${String(asset.source).trim()}</style>\n`);
          return `<link rel="stylesheet"${before}href="/${fileName}"${after} media="not all" disabled>`;
        });
        return styles.length === 0 ? html : page.replace(/[ \t]*<\/body>/, `${styles.join('')}  </body>`);
      },
    },
  };
}
