// Vite build step on index.html: the entry (src/app/boot.ts) imports the app itself only once the
// static shell has painted, in stages, so the browser would discover the app's files one stage at
// a time. The page lists every file the app needs to start (the chunk of src/app/main.tsx and every
// chunk it imports, itself or through them) in a meta tag, which fetches nothing: boot.ts asks for
// them all at once after the first paint (appFiles.ts).
//
// Why not modulepreload links in the page: on a fast link they finish before the first paint, and
// the browser (and Lighthouse after it) then counts the whole app as holding the first paint. The
// cost of asking after the paint is one round trip, on the first load only: once installed, the
// service worker serves every file from the phone.
import type { Plugin } from 'vite';
import { APP_FILES_META } from '../../app/appFiles';

const APP_MODULE = /[\\/]src[\\/]app[\\/]main\.tsx$/;

export function preloadAppPlugin(): Plugin {
  return {
    name: 'terrain:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const app = chunks.find((chunk) => chunk.facadeModuleId !== null && APP_MODULE.test(chunk.facadeModuleId));
        if (!app) throw new Error('preloadAppPlugin : le module src/app/main.tsx est introuvable dans le build');
        const needed = new Set<string>();
        const visit = (fileName: string) => {
          if (needed.has(fileName)) return;
          needed.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') for (const imported of chunk.imports) visit(imported);
        };
        visit(app.fileName);
        // Already in the page: the entry and what it imports statically (Vite's own modulepreloads).
        const listed = [...needed].filter((fileName) => !html.includes(`/${fileName}"`)).map((f) => `/${f}`);
        const meta = `    <meta name="${APP_FILES_META}" content="${listed.join(' ')}">\n`;
        return html.replace('</head>', `${meta}  </head>`);
      },
    },
  };
}
