/** Where and why a byte sequence stops being UTF-8. */
export interface IllFormed {
  /** Offset of the first byte of the ill-formed sequence. */
  offset: number;
  /** The bytes of the sequence as far as it goes (up to the first byte that cannot continue it), at most four. */
  bytes: Uint8Array;
  reason: string;
}

/**
 * The second byte a lead byte allows, after Unicode's Table 3-7 (Well-Formed
 * UTF-8 Byte Sequences); the bytes after the second are always 80..BF. The
 * narrow ranges are what excludes overlong forms (E0, F0), surrogates (ED)
 * and code points past U+10FFFF (F4).
 */
function sequenceOf(lead: number): { length: number; low: number; high: number } | null {
  if (lead < 0x80) return { length: 1, low: 0, high: 0 };
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  return null;
}

/** The first ill-formed sequence in `bytes`, or null when they are all UTF-8. */
export function firstIllFormed(bytes: Uint8Array): IllFormed | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const sequence = sequenceOf(lead);
        const found = (reason: string, count: number): IllFormed => ({ offset: i, bytes: bytes.subarray(i, Math.min(bytes.length, i + count)), reason });
    if (!sequence) return found(leadProblem(lead), lead === 0xc0 || lead === 0xc1 ? 2 : 1);
    if (i + sequence.length > bytes.length) return found('a sequence cut off by the end of the file', sequence.length);
    const second = bytes[i + 1] ?? 0;
    // A surrogate or overlong form has the shape of a sequence: it is shown whole, as it would be written.
    if (sequence.length > 1 && (second < sequence.low || second > sequence.high)) return found(secondProblem(lead, second), (second & 0xc0) === 0x80 ? sequence.length : 2);
    for (let k = 2; k < sequence.length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return found('a sequence cut short', k + 1);
    }
    i += sequence.length;
  }
  return null;
}

function leadProblem(lead: number): string {
  if (lead >= 0x80 && lead <= 0xbf) return 'a continuation byte without a lead byte';
  if (lead === 0xc0 || lead === 0xc1) return 'an overlong encoding';
  return 'a byte that never occurs in UTF-8';
}

function secondProblem(lead: number, second: number): string {
  if ((second & 0xc0) !== 0x80) return 'a sequence cut short';
  if (lead === 0xe0 || lead === 0xf0) return 'an overlong encoding';
  if (lead === 0xed) return 'an encoded UTF-16 surrogate';
  return 'a code point beyond U+10FFFF';
}
