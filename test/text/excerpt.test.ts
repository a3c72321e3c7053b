import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/text/excerpt.ts';

const length = (text: string): number => [...text].length;

describe('excerpt', () => {
  it('returns a text that fits whole, on one line', () => {
    expect(excerpt('科技创新，\n\n融通共赢。', 20)).toBe('科技创新， 融通共赢。');
  });

  it('ends at the last sentence when that keeps at least half of the room', () => {
    expect(excerpt('第一句话在这里结束。第二句话要长得多，一直写下去不会停止', 20)).toBe('第一句话在这里结束。…');
  });

  it('does not take the point of a decimal number for a sentence end', () => {
    const cut = excerpt('一句很长的开头，没有句号，营业收入达到436.99亿元，同比增长很多很多很多', 24);
    expect(cut).toBe('一句很长的开头，没有句号，营业收入达到…');
  });

  it('otherwise ends at a word, never inside one, and drops a dangling comma', () => {
    const text = '国家高新区坚持创新驱动发展，高新技术企业数量快速增长';
    const cut = excerpt(text, 16);
    expect(cut.endsWith('…')).toBe(true);
    expect(length(cut)).toBeLessThanOrEqual(16);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/，…$/u);
    expect(excerpt('Mainland and Macao deepen dialogue on innovation and entrepreneurship', 30)).toBe('Mainland and Macao deepen…');
  });

  it('keeps to the room when white space runs before a long text', () => {
    const cut = excerpt(`${' '.repeat(40)}国家高新区坚持创新驱动发展，高新技术企业数量快速增长`, 20);
    expect(length(cut)).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(excerpt(`${'\n'.repeat(60)}短文。`, 20)).toBe('短文。');
  });

  it('cuts a single word longer than the room at the room', () => {
    expect(excerpt('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never exceeds the room and always keeps a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 120 }), (text, max) => {
        const cut = excerpt(text, max);
        const flat = text.replace(/\s+/gu, ' ').trim();
        expect(length(cut)).toBeLessThanOrEqual(max);
        const kept = cut.endsWith('…') && length(flat) > max ? cut.slice(0, -1) : cut;
        expect(flat.startsWith(kept)).toBe(true);
      }),
    );
  });
});
