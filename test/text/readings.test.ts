/** The readings table the build uses for near misses and English place words, made from pinyin-pro. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READINGS_FILE, readingsModule } from '../../scripts/readings.ts';
import { readings } from '../../src/text/char-readings.ts';
import { placeWordsOf } from '../../src/parks/place-pinyin.ts';

describe('readings', () => {
  it('gives every reading of a character, as typed', () => {
    expect([...readings('长')].sort()).toEqual(['chang', 'zhang']);
    expect(readings('们')).toEqual(['men']);
    expect([...readings('绿')].sort()).toEqual(['lu', 'lv']);
    expect(readings('删')).toEqual(readings('山'));
  });

  it('tells the words of an English place that spell its Chinese name from English words', () => {
    expect(placeWordsOf('Changchun Jingyue', ['长春净月高新技术产业开发区', '长春净月高新区'])).toEqual(['changchun', 'jingyue']);
    expect(placeWordsOf('Wuhan East Lake', ['武汉东湖新技术开发区', '东湖高新区'])).toEqual(['wuhan']);
    expect(placeWordsOf('Suzhou Industrial Park', ['苏州工业园区'])).toEqual(['suzhou']);
  });

  it('is the table pinyin-pro gives (run scripts/readings.ts after updating it or the gazetteer)', () => {
    expect(readFileSync(READINGS_FILE, 'utf8')).toBe(readingsModule());
  });
});
