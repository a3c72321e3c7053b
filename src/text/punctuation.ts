import { HAN, isHan } from './han.ts';

/** One repair inside a string: what stood at `offset` and what replaced it. */
export interface TextChange {
  offset: number;
  from: string;
  to: string;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
/** The same marks by character code: the scan looks a code up before it makes a string of it. */
const FULL_WIDTH_BY_CODE = new Map(Object.entries(FULL_WIDTH).map(([ascii, full]) => [ascii.charCodeAt(0), full]));
const ASCII_PUNCTUATION = /[,:;?!()]/u;
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;
const PROTECTED = /(?:https?:\/\/|www\.)[^\s\p{Script=Han}，。；！？）（]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const PAREN_PAIR = /\(([^()\n]{0,80})\)/gu;

const isChinese = (char: string | undefined) => isHan(char) || (char !== undefined && CJK_PUNCTUATION.test(char));
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** The whole character (code point) that ends just before `index`. */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text[index - 1];
}

function charAfter(text: string, index: number): string | undefined {
  const point = text.codePointAt(index + 1);
  return point === undefined ? undefined : String.fromCodePoint(point);
}

/**
 * ASCII `, : ; ? ! ( )` touching Chinese become full-width. Numbers (`1,000`,
 * `10:30`), parentheses around non-Chinese text (`(010)`), web and mail
 * addresses and Latin text stay as they are.
 */
export function fullWidthPunctuation(text: string): { text: string; changes: TextChange[] } {
  if (!ASCII_PUNCTUATION.test(text)) return { text, changes: [] };
  const locked = new Set<number>();
  for (const match of text.matchAll(PROTECTED)) {
    for (let i = match.index; i < match.index + match[0].length; i++) locked.add(i);
  }
  // Offsets (UTF-16) of the marks to replace, each with its full-width form.
  const replace = new Map<number, string>();
  for (const match of text.matchAll(PAREN_PAIR)) {
    const open = match.index;
    const close = match.index + match[0].length - 1;
    if (locked.has(open)) continue;
    if (HAN.test(match[1] ?? '')) {
      replace.set(open, '（');
      replace.set(close, '）');
    } else {
      locked.add(open);
      locked.add(close);
    }
  }
  for (let index = 0; index < text.length; index++) {
    const full = FULL_WIDTH_BY_CODE.get(text.charCodeAt(index));
    if (full === undefined || replace.has(index) || locked.has(index)) continue;
    const char = text[index] ?? '';
    const before = replace.get(index - 1) ?? charBefore(text, index);
    const after = replace.get(index + 1) ?? charAfter(text, index);
    if ((char === ',' || char === ':') && isDigit(before) && isDigit(after)) continue;
    if (isChinese(before) || isChinese(after)) replace.set(index, full);
  }
  if (replace.size === 0) return { text, changes: [] };
  const offsets = [...replace.keys()].sort((a, b) => a - b);
  const changes: TextChange[] = offsets.map((offset) => ({ offset, from: text[offset] ?? '', to: replace.get(offset) ?? '' }));
  let repaired = '';
  let last = 0;
  for (const change of changes) {
    repaired += text.slice(last, change.offset) + change.to;
    last = change.offset + 1;
  }
  return { text: repaired + text.slice(last), changes };
}

const HAN_AND_HAN = /(?<=\p{Script=Han})[ \t\u00a0]+and[ \t\u00a0]+(?=\p{Script=Han})/gu;

/** ` and ` between Chinese characters, left by the conversion where 和 was meant. */
export function repairStrayAnd(text: string): { text: string; changes: TextChange[] } {
  return replaceReporting(text, HAN_AND_HAN, '和');
}

const DIGIT_SPACE_HAN = /(?<=\d)[ \t\u00a0]+(?=\p{Script=Han})|(?<=\p{Script=Han})[ \t\u00a0]+(?=\d)/gu;

/** `2022 年全国…` → `2022年全国…`: spaces between digits and Chinese, repaired in titles. */
export function repairDigitSpacing(text: string): { text: string; changes: TextChange[] } {
  return replaceReporting(text, DIGIT_SPACE_HAN, '');
}

/** Replaces every match of a global pattern, recording each change at its offset in the original text. */
function replaceReporting(text: string, pattern: RegExp, to: string): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  const repaired = text.replace(pattern, (match, offset: number) => {
    changes.push({ offset, from: match, to });
    return to;
  });
  return { text: repaired, changes };
}
