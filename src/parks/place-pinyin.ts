/**
 * Pinyin of Chinese names at build time (every reading of each character,
 * without tones, from the table of src/text/readings.ts): which words of a zone's English place name spell
 * its Chinese name (Jingyue, Dayehu), as opposed to English words (Lake,
 * Industrial, Torch, Medicine).
 */
import { readings } from '../text/char-readings.ts';

/** Whether `word` (lower case) is the pinyin of consecutive characters of `name`. */
export function spellsPartOf(word: string, name: string): boolean {
  const chars = [...name];
  const from = (charAt: number, letterAt: number): boolean => {
    if (letterAt === word.length) return true;
    const char = chars[charAt];
    return char !== undefined && readings(char).some((reading) => word.startsWith(reading, letterAt) && from(charAt + 1, letterAt + reading.length));
  };
  return chars.some((_, start) => from(start, 0));
}

/** The words of an English place name that spell a part of the zone's Chinese names, lower case: `Huangshi Dayehu` → huangshi, dayehu. */
export function placeWordsOf(placeEn: string, names: readonly string[]): string[] {
  const words = placeEn
    .toLowerCase()
    .split(/[^a-z]+/u)
    .filter((word) => word.length >= 3);
  return [...new Set(words.filter((word) => names.some((name) => spellsPartOf(word, name))))];
}
