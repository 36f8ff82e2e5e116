// Vite build step: once every file is written (the service worker included, which
// vite-plugin-pwa writes in its own closeBundle), write a brotli and a gzip copy of every text
// file, so the server sends them compressed without spending CPU per request.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { COMPRESSIBLE_FILE } from '../precompressed.ts';

function* filesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes `file.br` (quality 11) and `file.gz` (level 9) beside every compressible file of `dir`. */
export function precompressDir(dir: string): number {
  let count = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE_FILE.test(file)) continue;
    const content = fs.readFileSync(file);
    const brotli = zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    count++;
  }
  return count;
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'terrain:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      // After vite-plugin-pwa's closeBundle, which writes sw.js and workbox-*.js.
      order: 'post',
      sequential: true,
      handler() {
        precompressDir(path.resolve(config.root, config.build.outDir));
      },
    },
  };
}
