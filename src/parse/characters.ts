import type { Diagnostic, Severity } from '../model/records.ts';
import { placesOfOffsets, START } from './diagnostics.ts';

/**
 * Characters a seed's text may not keep, each with what becomes of it:
 * - control characters other than tab and line breaks: no place in text, and invalid in XML feeds;
 *   form feeds and vertical tabs are page breaks left by the conversion and become line breaks;
 * - noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF): never text, and not well-formed XML;
 * - bidirectional controls: they can make a title display in another order than it is stored;
 * - invisible characters (zero width space, word joiner, soft hyphen, a byte order mark
 *   inside the text, zero width (non-)joiners between Han characters): they split names
 *   such as 江门高新区 so that neither search nor the park matcher finds them.
 */
const NONCHARACTERS = `\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}`;
const CONTROL = '\\u0001-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
const BIDI = '\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const INVISIBLE = '\\u200b\\u2060\\u00ad\\ufeff';
const JOINERS = '\\u200c\\u200d';
const SPECIAL_RUN = new RegExp(`[${CONTROL}${NONCHARACTERS}${BIDI}${INVISIBLE}${JOINERS}]+`, 'gu');
const HAN = /^\p{Script=Han}$/u;

type Kind = 'control' | 'page-break' | 'noncharacter' | 'bidi' | 'invisible' | 'joiner';

const RULES: Record<Exclude<Kind, 'joiner'>, { ruleId: string; severity: Severity; message: (codes: string) => string }> = {
  control: { ruleId: 'control-character', severity: 'warning', message: (codes) => `Unexpected control character ${codes}, expected text; it is removed` },
  'page-break': { ruleId: 'repair-control-character', severity: 'info', message: (codes) => `Replaced the page break ${codes} with a line break` },
  noncharacter: { ruleId: 'noncharacter', severity: 'warning', message: (codes) => `Unexpected noncharacter ${codes}, expected text; it is removed` },
  bidi: { ruleId: 'bidi-control', severity: 'warning', message: (codes) => `Unexpected bidirectional control ${codes}, expected text in reading order; it is removed` },
  invisible: { ruleId: 'repair-invisible-character', severity: 'info', message: (codes) => `Removed the invisible character ${codes}` },
};

const NAMES: Readonly<Record<string, string>> = {
  '\u200b': 'zero width space',
  '\u200c': 'zero width non-joiner',
  '\u200d': 'zero width joiner',
  '\u2060': 'word joiner',
  '\u00ad': 'soft hyphen',
  '\ufeff': 'zero width no-break space',
  '\u202e': 'right-to-left override',
  '\u202d': 'left-to-right override',
};

function kindOf(char: string, betweenHan: boolean): Kind {
  if (char === '\f' || char === '\v') return 'page-break';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0xa0) return 'control';
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return 'noncharacter';
  if (BIDI_SET.has(char)) return 'bidi';
  if (char === '\u200c' || char === '\u200d') return betweenHan ? 'invisible' : 'joiner';
  return 'invisible';
}
const BIDI_SET = new Set(['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']);

interface Removal {
  offset: number;
  end: number;
  kind: Exclude<Kind, 'joiner'>;
  chars: string[];
}

/**
 * Removes (or, for page breaks, replaces) the characters above, with one
 * diagnostic per run of one kind at its place in `text`.
 */
export function cleanCharacters(text: string, file: string): { text: string; diagnostics: Diagnostic[] } {
  const { cleaned, removals } = findRemovals(text);
  const places = placesOfOffsets(text, removals.map((removal) => removal.offset));
  const diagnostics = removals.map(({ kind, chars }, index): Diagnostic => {
    const rule = RULES[kind];
    return { file, ...(places[index] ?? START), severity: rule.severity, message: rule.message(describe(chars)), ruleId: rule.ruleId };
  });
  return { text: cleaned, diagnostics };
}

/** The first character that cleanCharacters would take out of `text`, as `U+FFFF`, or null. */
export function firstRemovable(text: string): string | null {
  const first = findRemovals(text).removals[0]?.chars[0];
  return first === undefined ? null : codeOf(first);
}

/**
 * Runs are found in one pass, and the Han test looks only at the two ends
 * of a run, so time stays linear even for a file made of nothing else.
 */
function findRemovals(text: string): { cleaned: string; removals: Removal[] } {
  const removals: Removal[] = [];
  const cleaned = text.replace(SPECIAL_RUN, (run: string, offset: number) => {
    const before = [...text.slice(Math.max(0, offset - 2), offset)].at(-1) ?? '';
    const after = String.fromCodePoint(text.codePointAt(offset + run.length) ?? 0x20);
    const betweenHan = HAN.test(before) && HAN.test(after);
    let kept = '';
    let at = offset;
    for (const char of run) {
      const kind = kindOf(char, betweenHan);
      if (kind === 'joiner') kept += char;
      else {
        const previous = removals.at(-1);
        const removal = previous && previous.kind === kind && previous.end === at ? previous : { offset: at, end: at, kind, chars: [] };
        if (removal !== previous) removals.push(removal);
        removal.chars.push(char);
        removal.end = at + char.length;
        if (kind === 'page-break') kept += '\n';
      }
      at += char.length;
    }
    return kept;
  });
  return { cleaned, removals };
}

const codeOf = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** `U+200B (zero width space)`, or `U+0007 ×3`, or `U+202E, U+202C` for a run. */
function describe(chars: readonly string[]): string {
  const distinct = [...new Set(chars)];
  const names = distinct.map((char) => {
    const code = codeOf(char);
    const name = Object.hasOwn(NAMES, char) ? NAMES[char] : undefined;
    return name ? `${code} (${name})` : code;
  });
  return distinct.length === 1 && chars.length > 1 ? `${names[0]} ×${chars.length}` : names.join(', ');
}
