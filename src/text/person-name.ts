/**
 * A Chinese personal name in Hanyu Pinyin, as GB/T 28039-2011 writes it for
 * use in other languages: surname first, then the given name in one word,
 * each capitalised, without tones (田栓林 → Tian Shuanlin, 欧阳修 → Ouyang Xiu).
 * Surnames are read as surnames (单 Shan, 曾 Zeng, 解 Xie).
 */
import { pinyin } from 'pinyin-pro';

/** Two-character surnames common enough to be met: the given name follows them. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '轩辕', '独孤', '南宫', '西门', '申屠']);

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/** The name in pinyin, or null for what does not look like a Chinese personal name (two to four Han characters). */
export function romanizeName(name: string): string | null {
  if (!HAN_NAME.test(name)) return null;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: false });
  if (syllables.length !== name.length || syllables.some((syllable) => !/^[a-zü]+$/u.test(syllable))) return null;
  const surnameLength = name.length === 4 || COMPOUND_SURNAMES.has(name.slice(0, 2)) ? 2 : 1;
  if (name.length - surnameLength < 1) return null;
  return `${word(syllables.slice(0, surnameLength))} ${word(syllables.slice(surnameLength))}`;
}

/** Syllables as one capitalised word, an apostrophe before a syllable that starts with a vowel (Xi'an). */
function word(syllables: readonly string[]): string {
  const joined = syllables.map((syllable, index) => (index > 0 && /^[aoe]/u.test(syllable) ? `'${syllable}` : syllable)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}
