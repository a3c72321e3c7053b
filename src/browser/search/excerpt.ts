import { displayText, ENGLISH_PART, fromIndexText, WORD_CONT, WORD_START } from '../../search/index-content.ts';
import type { QueryPhrase } from '../../search/query.ts';

export type Range = [start: number, end: number];

/** Before a match that starts with a word (`AI`, `2035`): no letter or digit of that word (`email`, `12035` are no match). */
const WORD_START_BEFORE = String.raw`(?<!${WORD_CONT})`;
/** After a match that ends with a whole word (`AI`): no more of that word (`AIGC` is no match). */
const WORD_END_AFTER = String.raw`(?!${WORD_CONT})`;
const STARTS_WITH_WORD = new RegExp(String.raw`^${WORD_START}`, 'u');
const ENDS_WITH_WORD = new RegExp(String.raw`${WORD_CONT}$`, 'u');

/** What a highlight needs of a phrase: its text, and whether its last word may end inside a longer word (a prefix). */
export type MarkedPhrase = Pick<QueryPhrase, 'text'> & Partial<Pick<QueryPhrase, 'openEnd'>>;

/**
 * Ranges of the phrases' occurrences in text (case-insensitive), sorted,
 * overlaps merged. As in the search, a phrase that starts with a
 * non-ideographic word matches only at the start of a word, and one that
 * ends with a word matches only at its end unless that word is a prefix.
 */
export function matchRanges(text: string, phrases: readonly MarkedPhrase[]): Range[] {
  const found: Range[] = [];
  const patterns = new Map(phrases.map((p) => [`${p.openEnd === true}${p.text}`, p]));
  for (const { text: phrase, openEnd } of patterns.values()) {
    const escaped = phrase.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
    const start = STARTS_WITH_WORD.test(phrase) ? WORD_START_BEFORE : '';
    const end = openEnd !== true && ENDS_WITH_WORD.test(phrase) ? WORD_END_AFTER : '';
    const pattern = new RegExp(start + escaped + end, 'giu');
    for (const match of text.matchAll(pattern)) found.push([match.index, match.index + match[0].length]);
  }
  found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Range[] = [];
  for (const [a, b] of found) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * The excerpt of a page's display text around its first match, about
 * `length` code units: ranges relative to the excerpt, `…` marking cut
 * ends, cuts never inside a surrogate pair.
 */
export function excerpt(text: string, phrases: readonly MarkedPhrase[], length = 80): { text: string; ranges: Range[] } {
  const ranges = matchRanges(text, phrases);
  if (text.length <= length) return { text, ranges };
  const lowSurrogate = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  const [a0, b0] = ranges[0] ?? [0, 0];
  let start = Math.max(0, Math.min(a0 - Math.floor(length / 3), text.length - length));
  let end = Math.min(text.length, Math.max(start + length, b0));
  if (lowSurrogate(start)) start -= 1;
  if (lowSurrogate(end)) end += 1;
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const inside = ranges.map(([a, b]): Range => [Math.max(a, start) + shift, Math.min(b, end) + shift]).filter(([a, b]) => a < b);
  return { text: head + text.slice(start, end) + tail, ranges: inside };
}

/** Appends text to parent with the ranges wrapped in `<mark>`; nothing is parsed as HTML. */
export function appendMarked(parent: Element, text: string, ranges: readonly Range[]): void {
  const doc = parent.ownerDocument;
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) parent.append(text.slice(at, a));
    const mark = doc.createElement('mark');
    mark.textContent = text.slice(a, b);
    parent.append(mark);
    at = b;
  }
  if (at < text.length) parent.append(text.slice(at));
}

/** Where an English text starts in stored content. */
const ENGLISH_PARTS = new RegExp(`(?:^|[\\s\u200B])${ENGLISH_PART}(?=[\\s\u200B]|$)`, 'u');

/**
 * Splits Pagefind's stored content (index form: title, text, source, a
 * separator between each, then the English part) into display title, text
 * and the English texts.
 */
export function splitContent(content: string, title: string, source = ''): { title: string; text: string; english: string[] } {
  const [chinese = '', ...english] = content.split(ENGLISH_PARTS).map(fromIndexText);
  let text = chinese;
  const shownTitle = displayText(title);
  const shownSource = displayText(source);
  if (shownTitle !== '' && text.startsWith(shownTitle)) text = text.slice(shownTitle.length).trimStart();
  if (shownSource !== '' && text.endsWith(shownSource)) text = text.slice(0, -shownSource.length).trimEnd();
  return { title: shownTitle, text, english };
}


/** Whether a result's title, text or 供稿 line contains every phrase, as a search of the text finds it. */
export function containsPhrases(data: { content?: string | undefined; meta?: Record<string, string> | undefined }, phrases: readonly MarkedPhrase[]): boolean {
  const meta = data.meta ?? {};
  const { title, text, english } = splitContent(data.content ?? '', meta.title ?? '', meta.source ?? '');
  const parts = [title, text, displayText(meta.source ?? ''), ...english];
  return phrases.every((phrase) => parts.some((part) => matchRanges(part, [phrase]).length > 0));
}
