import { isHan } from './han.ts';

/** One repair inside a string: what stood at `offset` and what replaced it. */
export interface TextChange {
  offset: number;
  from: string;
  to: string;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;
const PROTECTED = /(?:https?:\/\/|www\.)[^\s\p{Script=Han}，。；！？）（]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const PAREN_PAIR = /\(([^()\n]{0,80})\)/gu;

const isChinese = (char: string | undefined) => isHan(char) || (char !== undefined && CJK_PUNCTUATION.test(char));
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/**
 * ASCII `, : ; ? ! ( )` touching Chinese become full-width. Numbers (`1,000`,
 * `10:30`), parentheses around non-Chinese text (`(010)`), web and mail
 * addresses and Latin text stay as they are.
 */
export function fullWidthPunctuation(text: string): { text: string; changes: TextChange[] } {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const char of chars) {
    offsets.push(offset);
    offset += char.length;
  }
  const indexAt = new Map(offsets.map((value, index) => [value, index]));
  const locked = new Set<number>();
  for (const match of text.matchAll(PROTECTED)) {
    for (let i = match.index; i < match.index + match[0].length; i++) locked.add(i);
  }
  const replace = new Map<number, string>();
  for (const match of text.matchAll(PAREN_PAIR)) {
    const inner = match[1] ?? '';
    const open = indexAt.get(match.index);
    const close = indexAt.get(match.index + match[0].length - 1);
    if (open === undefined || close === undefined || locked.has(match.index)) continue;
    if ([...inner].some(isHan)) {
      replace.set(open, '（');
      replace.set(close, '）');
    } else {
      locked.add(match.index);
      locked.add(match.index + match[0].length - 1);
    }
  }
  chars.forEach((char, index) => {
    const full = FULL_WIDTH[char];
    const at = offsets[index] ?? 0;
    if (!full || replace.has(index) || locked.has(at)) return;
    const before = replace.get(index - 1) ?? chars[index - 1];
    const after = replace.get(index + 1) ?? chars[index + 1];
    if ((char === ',' || char === ':') && isDigit(before) && isDigit(after)) return;
    if (isChinese(before) || isChinese(after)) replace.set(index, full);
  });
  const changes: TextChange[] = [...replace.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, to]) => ({ offset: offsets[index] ?? 0, from: chars[index] ?? '', to }));
  for (const [index, to] of replace) chars[index] = to;
  return { text: chars.join(''), changes };
}

const HAN_AND_HAN = /(?<=\p{Script=Han})[ \t\u00a0]+and[ \t\u00a0]+(?=\p{Script=Han})/gu;

/** ` and ` between Chinese characters, left by the conversion where 和 was meant. */
export function repairStrayAnd(text: string): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  const repaired = text.replace(HAN_AND_HAN, (match, offset: number) => {
    changes.push({ offset, from: match, to: '和' });
    return '和';
  });
  return { text: repaired, changes };
}

const DIGIT_SPACE_HAN = /(?<=\d)[ \t\u00a0]+(?=\p{Script=Han})|(?<=\p{Script=Han})[ \t\u00a0]+(?=\d)/gu;

/** `2022 年全国…` → `2022年全国…`: spaces between digits and Chinese, repaired in titles. */
export function repairDigitSpacing(text: string): { text: string; changes: TextChange[] } {
  const changes: TextChange[] = [];
  const repaired = text.replace(DIGIT_SPACE_HAN, (match, offset: number) => {
    changes.push({ offset, from: match, to: '' });
    return '';
  });
  return { text: repaired, changes };
}
