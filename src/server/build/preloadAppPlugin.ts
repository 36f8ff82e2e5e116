// Vite build step on index.html: the entry (src/app/boot.ts) imports the app itself only once the
// static shell has painted, so Vite would fetch the app's files only then, one round trip late on
// 3G. Each file the app needs to start (the chunk of src/app/main.tsx and every chunk it imports,
// itself or through them) is listed in the page as a modulepreload: fetched and compiled from the
// start, evaluated only when boot.ts asks for it.
import type { Plugin } from 'vite';

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
        const listed = [...needed].filter((fileName) => !html.includes(`/${fileName}"`));
        const links = listed.map((fileName) => `    <link rel="modulepreload" crossorigin href="/${fileName}">\n`);
        return html.replace('</head>', `${links.join('')}  </head>`);
      },
    },
  };
}
