import type { Diagnostic } from '../model/records.ts';
import { placesOfOffsets, START, type Place } from './diagnostics.ts';

export type SeedText = { ok: true; text: string; diagnostics: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

/** Control characters other than tab and line breaks: no place in text, and invalid in XML feeds. */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Turns a seed's bytes into text: UTF-8 only, byte order mark dropped,
 * line endings made `\n`. Anything else is an error with its place.
 */
export function decodeSeed(bytes: Uint8Array, file: string): SeedText {
  const fail = (place: Place, message: string, ruleId: string): SeedText => ({
    ok: false,
    diagnostic: { file, ...place, severity: 'error', message, ruleId },
  });
  if (UTF16_BOMS.some(([a, b]) => bytes[0] === a && bytes[1] === b)) {
    return fail({ line: 1, column: 1 }, 'Unexpected UTF-16 byte order mark, expected UTF-8 text', 'encoding-utf16');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    return fail(placeOfByte(bytes, at), `Unexpected byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}, expected UTF-8 text`, 'encoding-invalid');
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return fail(placeOfOffset(text, nul), 'Unexpected NUL character, expected text (is this a binary file?)', 'encoding-binary');
  }
  text = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  if (text.trim() === '') {
    return fail({ line: 1, column: 1 }, 'Unexpected empty file, expected a bulletin issue', 'file-empty');
  }
  // Form feeds and vertical tabs are page breaks left by the conversion: they become line breaks.
  const found: { char: string; offset: number }[] = [];
  const cleaned = text.replace(CONTROL, (char, offset: number) => {
    found.push({ char, offset });
    return isPageBreak(char) ? '\n' : '';
  });
  const places = placesOfOffsets(text, found.map(({ offset }) => offset));
  const diagnostics = found.map(({ char }, index): Diagnostic => {
    const pageBreak = isPageBreak(char);
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      file,
      ...(places[index] ?? START),
      severity: pageBreak ? 'info' : 'warning',
      message: pageBreak ? `Replaced the page break ${code} with a line break` : `Unexpected control character ${code}, expected text; it is removed`,
      ruleId: pageBreak ? 'repair-control-character' : 'control-character',
    };
  });
  return { ok: true, text: cleaned, diagnostics };
}

const isPageBreak = (char: string) => char === '\f' || char === '\v';

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function placeOfByte(bytes: Uint8Array, offset: number): Place {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return placeOfOffset(before, before.length);
}

function placeOfOffset(text: string, offset: number): Place {
  return placesOfOffsets(text, [offset])[0] ?? START;
}
