/** Readings of common characters and of the zones' names (pinyin without tones), from the table scripts/readings.ts writes. */
import { READINGS } from './readings.ts';

let byChar: Map<string, string[]> | undefined;
let bySound: Record<string, string> | undefined;

/** Characters by reading: `{ men: "们门…" }`. */
export function charsBySound(): Record<string, string> {
  bySound ??= Object.fromEntries(READINGS.split('|').map((entry) => entry.split(':') as [string, string]));
  return bySound;
}

/** Every reading of a character, ASCII (`长` → chang, zhang; `绿` → lu, lv); none for a character outside the table. */
export function readings(char: string): readonly string[] {
  if (!byChar) {
    byChar = new Map();
    for (const [reading, chars] of Object.entries(charsBySound())) for (const c of chars) byChar.set(c, [...(byChar.get(c) ?? []), reading]);
  }
  return byChar.get(char) ?? [];
}
