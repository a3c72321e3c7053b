/**
 * "Did you mean": for a query that finds nothing, the zone names and
 * frequent phrases of the archive it is one slip away from: a character of
 * the same sound (江们高新区 → 江门高新区, 佛删 → 佛山), one character wrong,
 * missing or extra in a longer name, or a letter or two off in an English
 * word (incubater → incubator). Shared by the search page and its tests;
 * the data is data/search-hints.json (src/archive/search-hints.ts).
 */
import { distance } from 'fastest-levenshtein';

export interface SearchHints {
  /** Zone names, then the words of the archive's titles and subheadings, most frequent first. */
  phrases: string[];
  /** English words of the archive's titles and zones' places, lower case. */
  words: string[];
  /** Characters by their readings (pinyin without tones): `{ men: "们门…" }`. */
  sounds: Record<string, string>;
}

const HAN_RUN = /^\p{Script=Han}{2,12}$/u;
const LATIN_WORD = /^[a-z][a-z'-]{3,}$/u;

interface Candidate {
  phrase: string;
  /** Every differing character sounds alike. */
  sameSound: boolean;
  edits: number;
  rank: number;
}

export function nearMisses(hints: SearchHints) {
  const soundsOf = new Map<string, Set<string>>();
  for (const [reading, chars] of Object.entries(hints.sounds)) {
    for (const char of chars) soundsOf.set(char, (soundsOf.get(char) ?? new Set()).add(reading));
  }
  const soundAlike = (a: string, b: string): boolean => {
    const heard = soundsOf.get(a);
    return heard !== undefined && [...(soundsOf.get(b) ?? [])].some((reading) => heard.has(reading));
  };

  const han = (query: string, rank: number, phrase: string): Candidate | null => {
    const typed = [...query];
    const known = [...phrase];
    if (typed.length === known.length) {
      const differing = typed.map((char, i) => [char, known[i] ?? ''] as const).filter(([a, b]) => a !== b);
      const sameSound = differing.every(([a, b]) => soundAlike(a, b));
      // Two characters are a word: one of them wrong is a slip only when it sounds the same.
      const slip = sameSound ? differing.length <= Math.max(1, Math.floor(typed.length / 2)) : differing.length === 1 && typed.length >= 3;
      return differing.length > 0 && slip ? { phrase, sameSound, edits: differing.length, rank } : null;
    }
    const shorter = Math.min(typed.length, known.length);
    return Math.abs(typed.length - known.length) === 1 && shorter >= 3 && distance(query, phrase) === 1 ? { phrase, sameSound: false, edits: 1, rank } : null;
  };

  return {
    /** Up to `limit` phrases the query may have meant, best first; none for a query that is one of them. */
    suggest(query: string, limit = 3): string[] {
      const typed = query.trim().toLowerCase();
      let found: Candidate[] = [];
      if (HAN_RUN.test(typed)) {
        if (hints.phrases.includes(typed)) return [];
        found = hints.phrases.map((phrase, rank) => han(typed, rank, phrase)).filter((c): c is Candidate => c !== null);
      } else if (LATIN_WORD.test(typed)) {
        if (hints.words.includes(typed)) return [];
        const allowed = typed.length >= 8 ? 2 : 1;
        found = hints.words.map((phrase, rank) => ({ phrase, sameSound: false, edits: distance(typed, phrase), rank })).filter((c) => c.edits <= allowed);
      }
      return found
        .sort((a, b) => Number(b.sameSound) - Number(a.sameSound) || a.edits - b.edits || a.rank - b.rank)
        .slice(0, limit)
        .map((c) => c.phrase);
    },
  };
}
