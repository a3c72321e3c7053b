/** Traditional and variant characters in a query, folded to the simplified script of the archive. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONVERTIBLE_FILE, convertibleModule } from '../../scripts/convertible-chars.ts';
import { toSimplified } from '../../src/browser/search/to-simplified.ts';
import { needsSimplifying } from '../../src/text/simplify-needed.ts';

describe('toSimplified', () => {
  it.each([
    ['江門高新區', '江门高新区'],
    ['長春淨月高新區', '长春净月高新区'],
    ['東湖高新區', '东湖高新区'],
    ['蘇州工業園區', '苏州工业园区'],
    ['中關村', '中关村'],
    ['創新創業', '创新创业'],
    ['孵化載體', '孵化载体'],
    ['江門高新区', '江门高新区'], // mixed
    ['臺灣', '台湾'], // a variant (臺) as well
    // Phrases before characters: 著 is 着 in 著力 but stays in 著名.
    ['著力', '着力'],
    ['著名', '著名'],
    ['乾燥', '干燥'],
    ['乾隆', '乾隆'],
  ])('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
    expect(needsSimplifying(traditional)).toBe(true);
  });

  it('leaves every other character of the common block alone, so a query without one of the listed characters needs no converter', () => {
    const changed: string[] = [];
    for (let point = 0x3400; point <= 0x9fff; point++) {
      const char = String.fromCodePoint(point);
      if (!needsSimplifying(char) && toSimplified(char) !== char) changed.push(char);
    }
    expect(changed).toEqual([]);
    expect(needsSimplifying('江门高新区，AI 2022年')).toBe(false);
    expect(needsSimplifying('Foshan')).toBe(false);
  });

  it('lists the characters of the dictionaries the page loads (run scripts/convertible-chars.ts after updating opencc-js)', () => {
    expect(readFileSync(CONVERTIBLE_FILE, 'utf8')).toBe(convertibleModule());
  });
});
