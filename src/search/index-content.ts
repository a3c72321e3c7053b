/**
 * The text form that the search index is built from, and the query side that
 * mirrors it.
 *
 * Pagefind (1.6.0, checked) gives every whitespace-separated token of a
 * record's content one word position: a punctuation token such as `，`
 * takes a position although it is not searchable, while U+200B, U+3000 and
 * other white space take none. So the index text is the article's text cut
 * into tokens, one per position, joined by single spaces:
 *
 * - each ideographic character (Han, kana, Hangul) is a word of its own,
 *   NFKC-normalized (a character that NFKC spells as several, ㌀ → アパート,
 *   is tokenized as that spelling);
 * - a run of other letters, digits, combining marks and connectors
 *   (`COVID`, `5G`, `2022`) is one word, NFKC-normalized when that leaves a
 *   plain word (full-width `ＡＩ` → `AI`), followed by {@link WORD_END}; a
 *   search for `ai‿` then matches the whole word `AI` and nothing longer,
 *   while `ai` still prefix-matches `AIGC‿`, and Pagefind's fallback for a
 *   term that no word extends (the longest indexed word that is a prefix of
 *   it) can never land on a body word;
 * - every other character (`，`, `“`, `%`, `—`, `😀`) is a token of its own,
 *   which takes a position and so breaks adjacency (`江，门` is not `江门`);
 * - a run of white space is one {@link SEPARATOR} token, which also takes a
 *   position (`江 门` is not `江门` either), except between a word and an
 *   ideographic character: the converter of the print leaves `2022 年`,
 *   `329 家` where the bulletin printed `2022年`, so such a space is dropped
 *   and both spellings are one text to the index and to a query;
 * - format characters (\p{Cf}: U+200B, U+2063, ZWJ, soft hyphen, BOM) are
 *   dropped.
 *
 * Known gap: Pagefind splits a few tokens into more than one position (`½`,
 * whose NFKC form `1⁄2` is not a plain word and so is kept as it is); a
 * phrase containing such a token is not found.
 *
 * The search page's script (src/browser/search/) is bundled from this
 * module: the index and the query (query.ts) are cut by the same code.
 */

/** Ends every non-ideographic word in index text (U+203F UNDERTIE, a Pagefind word character). */
export const WORD_END = '\u203F';
/** Stands for white space in index text: takes a position, is not searchable (U+2063 INVISIBLE SEPARATOR). */
export const SEPARATOR = '\u2063';
/**
 * Starts the English part of a record's index text (U+2064 INVISIBLE PLUS):
 * a position of its own, not searchable, and, being a format character, never
 * a token of any text, so that the page finds where the Chinese part ends.
 */
export const ENGLISH_PART = '\u2064';

/** Scripts written without spaces between words: each character is a word of its own. */
const IDEO_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
/** One ideographic character with any marks (variation selectors) after it. */
const IDEO = String.raw`[${IDEO_CLASS}]\p{M}*`;
/** A letter, digit or connector that is not ideographic and is not the word-end mark (a regular expression source). */
export const WORD_START = String.raw`(?![${IDEO_CLASS}\u203F])[\p{L}\p{N}\p{Pc}]`;
/** What may continue such a word: the same, or a combining mark (a regular expression source). */
export const WORD_CONT = String.raw`(?![${IDEO_CLASS}\u203F])[\p{L}\p{N}\p{Pc}\p{M}]`;
const TOKEN = new RegExp(String.raw`(${IDEO})|((?:${WORD_START})(?:${WORD_CONT})*)|(\s+)|([\s\S])`, 'gu');
const FORMAT = /\p{Cf}/gu;
const WORD_ONLY = new RegExp(String.raw`^(?:${WORD_START})(?:${WORD_CONT})*$`, 'u');
const IDEO_ONLY = new RegExp(String.raw`^${IDEO}$`, 'u');
const PLAIN_HAN_RUN = /[\u4e00-\u9fff]+/gu;
/** A combining mark (a variation selector, say) at the start of a string: it belongs to the character before. */
const MARK_START = /^\p{M}/u;

export type Token =
  | { kind: 'ideo'; text: string }
  | { kind: 'word'; text: string }
  | { kind: 'space' }
  | { kind: 'punct'; text: string };

function normalizeWord(word: string): string {
  const n = word.normalize('NFKC');
  return WORD_ONLY.test(n) ? n : word;
}

/**
 * Ideographic characters outside the common block (U+4E00–U+9FFF) whose NFKC
 * form is several characters (㌀ → アパート, ㈀ → (ᄀ)) are replaced by that
 * spelling before the text is cut, so that the text reads the same to the
 * index as its display form, and the spelling joins its neighbours as the
 * display form does (㌑ꀀ → ギニーꀀ: one word ーꀀ).
 */
const EXPANDABLE = new RegExp(String.raw`(?![\u4e00-\u9fff])${IDEO}`, 'gu');

function expandCompatibility(text: string): string {
  return text.replace(EXPANDABLE, (char) => {
    const spelled = char.normalize('NFKC');
    return spelled === char || IDEO_ONLY.test(spelled) ? char : spelled.replace(FORMAT, '');
  });
}

/** Whether a space between these two tokens is the converter's, between a word and an ideographic character (`2022 年`, `AI 质检`). */
const strayBetween = (before: Token | undefined, after: Token): boolean =>
  (before?.kind === 'word' && after.kind === 'ideo') || (before?.kind === 'ideo' && after.kind === 'word');

/** Adds a word or an ideograph; with `join`, in place of a space the converter left before it. */
function pushWord(tokens: Token[], token: Token, join: boolean): void {
  const last = tokens.length - 1;
  if (join && tokens[last]?.kind === 'space' && strayBetween(tokens[last - 1], token)) tokens[last] = token;
  else tokens.push(token);
}

/** Adds the tokens of `text` to `tokens`. */
function scan(text: string, tokens: Token[], join: boolean): void {
  // Common ideographs (U+4E00–U+9FFF) are NFKC-stable words of their own: most of
  // a Chinese text takes this path; the regular expression reads what lies between.
  let from = 0;
  for (const run of text.matchAll(PLAIN_HAN_RUN)) {
    let end = run.index + run[0].length;
    if (MARK_START.test(text.slice(end, end + 2))) end -= 1;
    scanGeneral(text.slice(from, run.index), tokens, join);
    if (run.index < end) pushWord(tokens, { kind: 'ideo', text: text[run.index] ?? '' }, join);
    for (let i = run.index + 1; i < end; i++) tokens.push({ kind: 'ideo', text: text[i] ?? '' });
    from = end;
  }
  scanGeneral(text.slice(from), tokens, join);
}

function scanGeneral(text: string, tokens: Token[], join: boolean): void {
  if (text === '') return;
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const n = m[1].normalize('NFKC');
      pushWord(tokens, { kind: 'ideo', text: IDEO_ONLY.test(n) ? n : m[1] }, join);
    } else if (m[2] !== undefined) pushWord(tokens, { kind: 'word', text: normalizeWord(m[2]) }, join);
    else if (m[3] !== undefined) {
      if (tokens.length > 0) tokens.push({ kind: 'space' });
    } else tokens.push({ kind: 'punct', text: m[4] ?? '' });
  }
}

function cut(text: string, join: boolean): Token[] {
  const tokens: Token[] = [];
  scan(expandCompatibility(text.replace(FORMAT, '')), tokens, join);
  while (tokens.at(-1)?.kind === 'space') tokens.pop();
  return tokens;
}

/** Cuts text into tokens, every white space run kept (format characters dropped, no leading or trailing space token): as a query is read. */
export function scanTokens(text: string): Token[] {
  return cut(text, false);
}

/** Cuts text into tokens as the index holds them (format characters dropped, no leading or trailing space, none between a word and an ideograph). */
export function tokenize(text: string): Token[] {
  return cut(text, true);
}

function tokenToIndex(t: Token): string {
  switch (t.kind) {
    case 'ideo':
      return t.text;
    case 'word':
      return t.text + WORD_END;
    case 'space':
      return SEPARATOR;
    case 'punct':
      return t.text;
  }
}

/**
 * The index form of a text: one token per Pagefind word position, separated
 * by single spaces. `toIndexText('江门高新区，AI 2022年')` is
 * `'江 门 高 新 区 ， AI‿ \u2063 2022‿ 年'`.
 */
export function toIndexText(text: string): string {
  return tokenize(text).map(tokenToIndex).join(' ');
}

/** Separators between index tokens: white space and the U+200B that Pagefind adds to stored content. */
const INDEX_SPLIT = /[\s\u200B]+/u;
const TRAILING_WORD_END = new RegExp(String.raw`((?:${WORD_CONT}))\u203F$`, 'u');

/** The display form of one index token. */
export function fromIndexToken(token: string): string {
  if (token === SEPARATOR) return ' ';
  return token.replace(TRAILING_WORD_END, '$1');
}

/**
 * The inverse of {@link toIndexText}: the index form (or a piece of it, such
 * as an excerpt taken from Pagefind's stored content) back as display text.
 * `fromIndexText(toIndexText(t)) === displayText(t)`.
 */
export function fromIndexText(indexText: string): string {
  return indexText
    .split(INDEX_SPLIT)
    .filter((t) => t !== '')
    .map(fromIndexToken)
    .join('');
}

/**
 * What the index keeps of a text, as display text: format characters
 * dropped, white space runs as one space and trimmed, words NFKC-normalized.
 */
export function displayText(text: string): string {
  return tokenize(text)
    .map((t) => (t.kind === 'space' ? ' ' : t.text))
    .join('');
}
