/**
 * Whether a query may read differently in simplified characters, without
 * loading the converter: it holds a character that the converter's
 * dictionaries change (convertible-chars.ts, generated from them).
 */
import { CONVERTIBLE_RANGES } from './convertible-chars.ts';

let convertible: Set<number> | undefined;

function decode(ranges: string): Set<number> {
  const points = new Set<number>();
  let previous = 0;
  for (const range of ranges.split(',')) {
    const [delta = '0', extra = '0'] = range.split('+');
    const start = previous + parseInt(delta, 36);
    const end = start + parseInt(extra, 36);
    for (let point = start; point <= end; point++) points.add(point);
    previous = end;
  }
  return points;
}

export function needsSimplifying(text: string): boolean {
  convertible ??= decode(CONVERTIBLE_RANGES);
  for (const char of text) if (convertible.has(char.codePointAt(0) ?? 0)) return true;
  return false;
}
