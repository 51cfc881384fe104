// Word shingles and MinHash signatures for same-language near-duplicate detection.
//
// A shingle is a run of SHINGLE_WORDS consecutive folded words, hashed to 32 bits. Two copies of
// one dispatch share almost all their shingles even when a headline changed, a paragraph was cut
// or a line added; two articles on the same facts in different words share only a few stock
// phrases ("plus de 160 bourgmestres"). The MinHash signature (SIGNATURE_SIZE minimum hashes
// under independent hash functions) estimates the Jaccard similarity of two shingle sets and
// only serves to pick candidate pairs cheaply; the decision uses the exact shared count.
import { foldedWords } from './text-fold.js';

export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 64;

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits of a 32-bit value. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hashes of the word runs of `words`, sorted and unique. A text shorter than one run yields one
 * shingle of all its words; an empty text none. */
export function shinglesOf(words: readonly string[], size = SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map(hashString);
  const count = Math.max(1, words.length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    const end = Math.min(words.length, i + size);
    for (let j = i; j < end; j++) h = mix32(Math.imul(h, 31) + (wordHashes[j] ?? 0));
    out[i] = h;
  }
  out.sort();
  return unique(out);
}

/** Shingles of a text's folded words. */
export function textShingles(text: string, size = SHINGLE_WORDS): Uint32Array {
  return shinglesOf(foldedWords(text), size);
}

function unique(sorted: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? 0;
    if (i === 0 || v !== sorted[n - 1]) sorted[n++] = v;
  }
  return sorted.subarray(0, n);
}

/** Fixed seeds, one per hash function, from a fixed xorshift sequence: same input, same signature. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x2545f491;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    seeds[i] = x >>> 0;
  }
  return seeds;
})();

/** MinHash signature of a shingle set; all 0xffffffff for an empty set. */
export function minHash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const s = shingles[i] ?? 0;
    for (let j = 0; j < SIGNATURE_SIZE; j++) {
      const h = mix32(s ^ (SEEDS[j] ?? 0));
      if (h < (sig[j] ?? 0)) sig[j] = h;
    }
  }
  return sig;
}

/** Positions where two signatures agree (of SIGNATURE_SIZE): about Jaccard × SIGNATURE_SIZE. */
export function signatureAgreement(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let j = 0; j < SIGNATURE_SIZE; j++) if (a[j] === b[j] && a[j] !== 0xffffffff) n++;
  return n;
}

/** Size of the intersection of two sorted unique hash arrays. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
