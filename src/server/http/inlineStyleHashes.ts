// The CSP hashes ('sha256-…') of the inline <style> elements of the built index.html (its static
// shell, painted before the JavaScript). Read from the file the server sends, so the policy always
// matches the build being served, even after a rebuild while the server runs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const INLINE_STYLE = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g;

/** `'sha256-…'` of each inline <style> element's text, as a browser hashes it (UTF-8). */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(INLINE_STYLE)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

/** The hashes of `indexFile`'s inline styles, read again only when the file changes. None when absent. */
export function inlineStyleHashesOf(indexFile: string): () => string[] {
  let seen: { mtimeMs: number; size: number; hashes: string[] } | undefined;
  return () => {
    const stat = fs.statSync(indexFile, { throwIfNoEntry: false });
    if (!stat) return [];
    if (seen?.mtimeMs !== stat.mtimeMs || seen.size !== stat.size) {
      seen = { mtimeMs: stat.mtimeMs, size: stat.size, hashes: inlineStyleHashes(fs.readFileSync(indexFile, 'utf8')) };
    }
    return seen.hashes;
  };
}
