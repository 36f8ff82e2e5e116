// Which built files are sent compressed, and how. The build writes `file.br` and `file.gz` beside
// every text file (src/server/build/precompressPlugin.ts); the static handler sends one of them
// by the request's Accept-Encoding (src/server/static.ts). One list, so the two never disagree.

/**
 * Files worth compressing: scripts (workers and sw.js too), styles, pages, manifests, SVG, and
 * TrueType fonts (the PDF report's, uncompressed tables: brotli takes off about half).
 */
export const COMPRESSIBLE_FILE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml|map|ttf)$/;

/** The encodings made at build time, in the order the server prefers them, with their file suffix. */
export const PRECOMPRESSED_ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type PrecompressedEncoding = (typeof PRECOMPRESSED_ENCODINGS)[number];

/**
 * The encoding to send for an Accept-Encoding header: br, then gzip, else none. Quality values are
 * honoured (`br;q=0` refuses brotli); `*` accepts any encoding not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): PrecompressedEncoding | undefined {
  if (!acceptEncoding) return undefined;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepted = (encoding: string) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
  return PRECOMPRESSED_ENCODINGS.find((candidate) => accepted(candidate.encoding));
}
