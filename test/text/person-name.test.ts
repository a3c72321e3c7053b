import { describe, expect, it } from 'vitest';
import { romanizeName } from '../../src/text/person-name.ts';

describe('romanizeName', () => {
  it('writes a name surname first, the given name as one word, without tones (GB/T 28039)', () => {
    expect(romanizeName('田栓林')).toBe('Tian Shuanlin');
    expect(romanizeName('樊子天')).toBe('Fan Zitian');
    expect(romanizeName('叶伟')).toBe('Ye Wei');
  });

  it('reads surnames as surnames, keeps two-character surnames whole and marks syllable boundaries', () => {
    expect(romanizeName('单田芳')).toBe('Shan Tianfang');
    expect(romanizeName('曾国藩')).toBe('Zeng Guofan');
    expect(romanizeName('欧阳修')).toBe('Ouyang Xiu');
    expect(romanizeName('司马相如')).toBe('Sima Xiangru');
    expect(romanizeName('张西安')).toBe("Zhang Xi'an");
    expect(romanizeName('吕布')).toBe('Lü Bu');
  });

  it('leaves alone what is not a Chinese personal name', () => {
    for (const name of ['田', 'Smith', '田a', '中华人民共和国', '']) expect(romanizeName(name), name).toBeNull();
  });
});
