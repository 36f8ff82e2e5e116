// Vite build step: moves the app's stylesheet links from <head> to the end of <body>. In <head>
// they block the first paint until the CSS arrives; after the static shell of index.html (styled by
// its own inline <style>) they only hold back what follows them. The app's scripts still wait for
// them (a pending stylesheet blocks module scripts), so React never renders unstyled.
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /[ \t]*<link rel="stylesheet"[^>]*>\n?/g;

export function stylesheetAfterShellPlugin(): Plugin {
  return {
    name: 'terrain:stylesheet-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(STYLESHEET_LINK) ?? [];
        if (links.length === 0) return html;
        const moved = links.map((link) => `    ${link.trim()}\n`).join('');
        return html.replace(STYLESHEET_LINK, '').replace(/[ \t]*<\/body>/, `${moved}  </body>`);
      },
    },
  };
}
