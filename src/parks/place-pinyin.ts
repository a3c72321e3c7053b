/**
 * Pinyin of Chinese names at build time (pinyin-pro, every reading of each
 * character, without tones): which words of a zone's English place name spell
 * its Chinese name (Jingyue, Dayehu), as opposed to English words (Lake,
 * Industrial, Torch, Medicine).
 */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, readonly string[]>();

/** Every reading of a character, toneless ASCII (`长` → chang, zhang; `绿` → lv, lu). */
export function readings(char: string): readonly string[] {
  let found = cache.get(char);
  if (!found) {
    const spelled = pinyin(char, { toneType: 'none', multiple: true, type: 'array' }) as string[];
    const ascii = spelled.flatMap((reading) => [reading.normalize('NFD').replace(/\p{M}/gu, ''), reading.replace(/ü/gu, 'v')]);
    found = [...new Set(ascii.filter((reading) => /^[a-z]+$/u.test(reading)))];
    cache.set(char, found);
  }
  return found;
}

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
