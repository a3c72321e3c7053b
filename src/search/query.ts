/**
 * A reader's query as Pagefind is asked for it: phrases of tokens cut as the
 * index text is (index-content.ts).
 */
import { scanTokens, WORD_END, type Token } from './index-content.ts';

/**
 * The shortest last word of a phrase that matches as a prefix: `incub` finds
 * `incubator`, while `ai`, `it` or `5G` match the whole word only (not
 * `aims`, `air`, `AIGC`), as do numbers (`202` is not `2022`).
 */
export const MIN_PREFIX_LETTERS = 4;
const HAS_LETTER = /\p{L}/u;

/** Whether the last word of a phrase is typed far enough to stand for the words it begins. */
export function matchesAsPrefix(word: string): boolean {
  return [...word].length >= MIN_PREFIX_LETTERS && HAS_LETTER.test(word);
}

/** One token of a query phrase, as Pagefind is asked for it. */
export interface QueryTerm {
  /** The token as the reader typed it (normalized), for display. */
  text: string;
  /** What to pass to `pagefind.search()`: lower case, `word‿` for a whole non-ideographic word. */
  term: string;
  /** Whether `term` is to match as a prefix (the last word of a phrase, long enough) rather than a whole word. */
  prefix: boolean;
}

/** A run of query tokens that must sit at consecutive word positions. */
export interface QueryPhrase {
  /** The phrase as typed, normalized: what the excerpt highlights. */
  text: string;
  terms: QueryTerm[];
  /** Whether the phrase ends in a word that matches as a prefix, so that a highlight may end inside a word. */
  openEnd: boolean;
}

/**
 * Parses a reader's query into phrases, which must all occur (in any order).
 * White space and punctuation separate phrases; within a phrase every token
 * must follow the one before it at the next word position, so `江门` does not
 * match `江，门` or `江苏…门户`. An ideographic character matches itself; a
 * non-ideographic word (`5G`, `2022`, `AI`) matches the whole word, except a
 * word of {@link MIN_PREFIX_LETTERS} letters or more as the last token of its
 * phrase, which matches as a prefix (`incub` finds `incubator`). A space
 * typed between a word and an ideographic character separates phrases as
 * any other does (`2022 年` finds `2022年` and `2022 年`, which the index
 * holds alike). Duplicate phrases are dropped.
 */
export function parseQuery(query: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  let run: Array<Extract<Token, { kind: 'ideo' | 'word' }>> = [];
  const flush = (): void => {
    const tokens = run;
    run = [];
    if (tokens.length === 0) return;
    const terms = tokens.map((t, i): QueryTerm => {
      const text = t.text;
      const lower = text.toLowerCase();
      const prefix = t.kind === 'word' && i === tokens.length - 1 && matchesAsPrefix(text);
      return { text, term: t.kind === 'word' && !prefix ? lower + WORD_END : lower, prefix };
    });
    const key = terms.map((t) => t.term).join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    phrases.push({ text: terms.map((t) => t.text).join(''), terms, openEnd: terms.at(-1)?.prefix === true });
  };
  for (const t of scanTokens(query)) {
    if (t.kind === 'ideo' || t.kind === 'word') run.push(t);
    else flush();
  }
  flush();
  return phrases;
}
