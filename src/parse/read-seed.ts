import type { Diagnostic } from '../model/records.ts';
import { placesOfOffsets, START, type Place } from './diagnostics.ts';
import { cleanCharacters } from './characters.ts';
import { firstIllFormed } from './utf8.ts';

export type SeedText = { ok: true; text: string; diagnostics: Diagnostic[] } | { ok: false; diagnostic: Diagnostic };

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

/**
 * Turns a seed's bytes into text: UTF-8 only, byte order mark dropped,
 * line endings made `\n`, characters that text may not hold removed (see
 * characters.ts). Anything else is an error with its place.
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
    const bad = firstIllFormed(bytes);
    const offset = bad?.offset ?? Math.max(0, bytes.length - 1);
    const shown = [...(bad?.bytes ?? bytes.subarray(offset, offset + 1))].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'));
    const what = `${shown.length === 1 ? 'byte' : 'bytes'} \`${shown.join(' ')}\``;
    return fail(placeOfByte(bytes, offset), `Unexpected ${what} at offset ${offset} (${bad?.reason ?? 'not UTF-8'}), expected UTF-8 text`, 'encoding-invalid');
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return fail(placeOfOffset(text, nul), 'Unexpected NUL character, expected text (is this a binary file?)', 'encoding-binary');
  }
  const cleaned = cleanCharacters(text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n'), file);
  if (cleaned.text.trim() === '') {
    return fail({ line: 1, column: 1 }, 'Unexpected empty file (or one of invisible characters only), expected a bulletin issue', 'file-empty');
  }
  return { ok: true, ...cleaned };
}

function placeOfByte(bytes: Uint8Array, offset: number): Place {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  return placeOfOffset(before, before.length);
}

function placeOfOffset(text: string, offset: number): Place {
  return placesOfOffsets(text, [offset])[0] ?? START;
}
