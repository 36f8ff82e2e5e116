// Vite plugin for the report worker's build: pdfmake and PDFKit are built from their modules, which
// import Node's zlib, stream, events, fs and Buffer. Instead of the copies pdfmake's prebuilt bundle
// carries (pako twice, readable-stream, util, process…), each gets the small browser version in
// src/report/pdf/engine/browser, over fflate for compression. Scoped to the PDF engine's packages:
// nothing else in the worker (the Word builder) sees these replacements. In Node (tests, bench)
// the engine runs on Node's own modules.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const engineDir = fileURLToPath(new URL('../../report/pdf/engine/', import.meta.url));
const shim = (file: string) => fileURLToPath(new URL(`../../report/pdf/engine/${file}`, import.meta.url));

/** The module each import of the engine's packages gets in the browser. */
const SHIMS: Record<string, string> = {
  zlib: shim('browser/zlib.ts'),
  // png-js's browser build imports browserify-zlib (over pako) by name.
  'browserify-zlib': shim('browser/zlib.ts'),
  'brotli/decompress.js': shim('browser/woff2.ts'),
  events: shim('browser/events.ts'),
  stream: shim('browser/stream.ts'),
  // As pdfmake's browser bundle: PDFKit's `fs` is the engine's virtual file system.
  fs: shim('virtualFs.ts'),
  '@noble/ciphers/aes': shim('browser/encryption.ts'),
  '@noble/hashes/sha2': shim('browser/encryption.ts'),
  '@noble/hashes/utils': shim('browser/encryption.ts'),
  // PDFKit's ES module build (pdfmake's CommonJS modules would get its CommonJS one).
  pdfkit: createRequire(import.meta.url).resolve('pdfkit/js/pdfkit.es.js'),
};

// unicode-trie, CommonJS, calls what require('tiny-inflate') returns: a module whose exports are
// the shim's default export (an ES module required gives its namespace object).
const TINY_INFLATE = '\0pdf-engine:tiny-inflate';

const ENGINE_PACKAGE =
  /[\\/]node_modules[\\/](pdfmake|pdfkit|fontkit|png-js|linebreak|unicode-trie|unicode-properties|restructure|xmldoc|sax)[\\/]/;
const inPackages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/].*\\.(c|m)?js$`);

/** Node's globals the engine's packages use, and what each gets instead. */
const NODE_GLOBALS = [
  // A module binding to the buffer package's Buffer rather than a global one: the rest of the
  // worker (the Word builder checks `typeof Buffer`) sees the browser as it is.
  {
    name: 'Buffer',
    modules: inPackages('pdfmake', 'pdfkit', 'png-js'),
    esm: "import { Buffer } from 'buffer';",
    cjs: "var Buffer = require('buffer').Buffer;",
  },
  // PDFKit reads its standard fonts' metrics at `${__dirname}/data/…`: from the virtual file
  // system, where they are not (the report embeds its own fonts), a PdfFileNotFoundError.
  { name: '__dirname', modules: inPackages('pdfkit'), esm: "const __dirname = '';", cjs: "var __dirname = '';" },
  // xmldoc (SVG parsing) reads a flag on Node's `global`.
  { name: 'global', modules: inPackages('xmldoc'), esm: 'const global = globalThis;', cjs: 'var global = globalThis;' },
];

const isEngine = (importer: string | undefined) =>
  importer !== undefined && (ENGINE_PACKAGE.test(importer) || importer.startsWith(engineDir));

export function pdfEngineShimsPlugin(): Plugin {
  return {
    name: 'terrain:pdf-engine-shims',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!isEngine(importer)) return null;
      // pdfmake's virtual-fs.js reads __dirname, which a browser module does not have.
      if (source === './virtual-fs' && importer?.includes('pdfmake')) return shim('virtualFs.ts');
      if (source === 'tiny-inflate') return TINY_INFLATE;
      return SHIMS[source] ?? null;
    },
    load(id) {
      if (id !== TINY_INFLATE) return null;
      return `module.exports = require(${JSON.stringify(shim('browser/tinyInflate.ts'))}).default;`;
    },
    transform(code, id) {
      const used = NODE_GLOBALS.filter((g) => g.modules.test(id) && new RegExp(`\\b${g.name}\\b`).test(code));
      if (used.length === 0) return null;
      if (/^\s*(import|export)\s/m.test(code))
        return { code: `${used.map((g) => g.esm).join('\n')}\n${code}`, map: null };
      // CommonJS (pdfmake's modules): after their "use strict", which must stay first to count.
      const strict = code.match(/^(['"])use strict\1;?\n?/)?.[0] ?? '';
      return { code: `${strict}${used.map((g) => g.cjs).join('\n')}\n${code.slice(strict.length)}`, map: null };
    },
  };
}
