// The built report worker loads only the engine it is asked for: the worker script itself holds
// neither, a Word export's chunks (static and dynamic imports, followed to the end) never include
// the PDF engine nor its fonts, the PDF's fonts are separate files the service worker precaches,
// and the PDF engine ships one inflate implementation (fflate), not the copies pdfmake's bundle had.
// Reads the build (DIST_DIR), as the browser would follow its imports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = path.resolve(process.env.DIST_DIR ?? 'dist', 'assets');
const read = (file: string) => fs.readFileSync(path.join(ASSETS, file), 'utf8');

/** The chunks a chunk imports: `from"./x.js"` / `import"./x.js"`, and `import("./x.js")`. */
function importsOf(file: string): { statics: string[]; dynamics: string[] } {
  const code = read(file);
  const names = (pattern: RegExp) => [...code.matchAll(pattern)].map((m) => m[1] as string);
  return {
    statics: names(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g),
    dynamics: names(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g),
  };
}

/**
 * Every chunk loaded once `start` runs (static imports, and dynamic ones when `dynamic`), but for
 * those already `loaded` (the worker's entry: its dynamic imports are the choice between engines).
 */
function reachable(start: string, dynamic: boolean, loaded: string[] = []): Set<string> {
  const seen = new Set<string>(loaded);
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { statics, dynamics } = importsOf(file);
    for (const next of dynamic ? [...statics, ...dynamics] : statics) visit(next);
  };
  visit(start);
  for (const file of loaded) seen.delete(file);
  return seen;
}

const fontsNamed = (files: Iterable<string>) =>
  [...files].flatMap((file) => [...read(file).matchAll(/\/assets\/(Roboto-[\w-]+\.ttf)/g)].map((m) => m[1] as string));

/** pdfkit writes this header first in every PDF: its code is in the PDF engine's chunk only. */
const PDF_ENGINE_MARK = '%PDF-';

/**
 * A message only each compression library has, kept as it is by minification: pdfmake's prebuilt
 * bundle carried all four next to each other. fflate is the one inflate the PDF engine keeps.
 */
const COMPRESSION_LIBRARIES = [
  { name: 'pako', file: 'pako/lib/zlib/inflate.js', mark: 'invalid distance too far back' },
  { name: 'browserify-zlib', file: 'browserify-zlib/lib/index.js', mark: 'zlib binding closed' },
  { name: 'tiny-inflate', file: 'tiny-inflate/index.js', mark: 'Data error' },
  { name: 'brotli', file: 'brotli/dec/decode.js', mark: '[ReadHuffmanCode]' },
];
const FFLATE = { name: 'fflate', file: 'fflate/esm/browser.js', mark: 'invalid zlib data' };
const NODE_MODULES = path.resolve('node_modules');

describe('the built report worker', () => {
  const worker = fs.readdirSync(ASSETS).find((f) => /^reportWorker-[\w-]+\.js$/.test(f)) as string;

  it('loads the Word builder and the PDF builder as separate chunks, on demand', () => {
    expect(worker).toBeDefined();
    const atStart = reachable(worker, false);
    const { dynamics } = importsOf(worker);
    expect(dynamics).toHaveLength(2);
    const [docx, pdf] = ['docx', 'pdf'].map((kind) => dynamics.find((f) => f.startsWith(`${kind}-`)) as string);
    // What the worker runs before any request: neither engine.
    for (const file of atStart) expect(read(file)).not.toContain(PDF_ENGINE_MARK);
    expect(atStart.has(docx)).toBe(false);

    const wordExport = reachable(docx, true, [worker]);
    expect([...wordExport].filter((f) => read(f).includes(PDF_ENGINE_MARK))).toEqual([]);
    expect(wordExport.has(pdf)).toBe(false);
    expect(fontsNamed(wordExport)).toEqual([]);

    const pdfExport = reachable(pdf, true, [worker]);
    expect([...pdfExport].some((f) => read(f).includes(PDF_ENGINE_MARK))).toBe(true);
    expect(new Set(fontsNamed(pdfExport).map((f) => f.replace(/-[\w]+\.ttf$/, '')))).toEqual(
      new Set(['Roboto-Regular', 'Roboto-Medium', 'Roboto-Italic']),
    );
  });

  it('builds PDFs with one inflate, fflate: no pako, browserify-zlib, tiny-inflate nor brotli', () => {
    const { dynamics } = importsOf(worker);
    const pdf = dynamics.find((f) => f.startsWith('pdf-')) as string;
    const pdfExport = [...reachable(pdf, true, [worker])].map(read).join('\n');
    for (const library of [...COMPRESSION_LIBRARIES, FFLATE]) {
      // Each mark is the library's own (while it is installed at all): the test means something.
      const source = path.join(NODE_MODULES, library.file);
      if (fs.existsSync(source)) expect(fs.readFileSync(source, 'utf8'), library.name).toContain(library.mark);
    }
    const found = COMPRESSION_LIBRARIES.filter((library) => pdfExport.includes(library.mark)).map((l) => l.name);
    expect(found).toEqual([]);
    expect(pdfExport).toContain(FFLATE.mark);
  });

  it('has its PDF fonts as files the service worker precaches (reports are built offline)', () => {
    const sw = fs.readFileSync(path.resolve(ASSETS, '..', 'sw.js'), 'utf8');
    const fonts = fs.readdirSync(ASSETS).filter((f) => /^Roboto-[\w-]+\.ttf$/.test(f));
    expect(fonts).toHaveLength(3);
    for (const font of fonts) {
      expect(sw).toContain(`assets/${font}`);
      // Subsets: a tenth of the full Roboto (160 KB a style).
      expect(fs.statSync(path.join(ASSETS, font)).size).toBeLessThan(48 * 1024);
    }
  });
});
