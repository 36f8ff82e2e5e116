// `tiny-inflate` (raw DEFLATE, no header) over fflate, for unicode-trie (the line-breaking and
// Unicode property tables, inflated once when loaded) and fontkit (WOFF tables): a third inflate
// implementation would otherwise ship next to fflate's.
import { inflateSync } from 'fflate';

/** Inflates `source` into `dest`; returns the part of `dest` written, as tiny-inflate does. */
export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array {
  return inflateSync(source, { out: dest });
}
