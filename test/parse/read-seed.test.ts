import { describe, expect, it } from 'vitest';
import { decodeSeed } from '../../src/parse/read-seed.ts';
import { parseIssueOrThrow } from './helpers.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

function decodeError(input: Uint8Array) {
  const decoded = decodeSeed(input, 'seed.md');
  if (decoded.ok) throw new Error('expected the bytes to be refused');
  return decoded.diagnostic;
}

describe('UTF-8 well-formedness (Unicode Table 3-7)', () => {
  it('reports an encoded surrogate on line 310 of a 331-line file at its own line and column', () => {
    const lines = Array.from({ length: 331 }, (_, index) => `第${index + 1}行，佛山高新区正文。`);
    const before = `${lines.slice(0, 309).join('\n')}\n`;
    const input = bytes(before, '第310行', [0xed, 0xa0, 0x80], `尾\n${lines.slice(310).join('\n')}\n`);
    const diagnostic = decodeError(input);
    expect(diagnostic).toMatchObject({ line: 310, column: 6, severity: 'error', ruleId: 'encoding-invalid' });
    expect(diagnostic.message).toBe(`Unexpected bytes \`ED A0 80\` at offset ${Buffer.byteLength(before) + Buffer.byteLength('第310行')} (an encoded UTF-16 surrogate), expected UTF-8 text`);
  });

  it.each([
    ['E0 80 AF', [0xe0, 0x80, 0xaf], 'an overlong encoding'],
    ['F0 80 80 AF', [0xf0, 0x80, 0x80, 0xaf], 'an overlong encoding'],
    ['C0 AF', [0xc0, 0xaf], 'an overlong encoding'],
    ['F4 90 80 80', [0xf4, 0x90, 0x80, 0x80], 'a code point beyond U+10FFFF'],
    ['F5 80 80 80', [0xf5, 0x80, 0x80, 0x80], 'a byte that never occurs in UTF-8'],
    ['ED BF BF', [0xed, 0xbf, 0xbf], 'an encoded UTF-16 surrogate'],
  ])('reports %s at the character it starts', (_, sequence, reason) => {
    const diagnostic = decodeError(bytes('# 火炬动态\n\n科技部', sequence, '中心\n'));
    expect(diagnostic).toMatchObject({ line: 3, column: 4, ruleId: 'encoding-invalid' });
    expect(diagnostic.message).toContain(`(${reason})`);
  });

  it('reports a sequence cut short at its lead byte, and one cut off by the end of the file', () => {
    expect(decodeError(bytes('甲乙\n丙', [0xe4, 0x41], '丁\n'))).toMatchObject({ line: 2, column: 2 });
    expect(decodeError(bytes('甲乙\n丙', [0xe4, 0xb8]))).toMatchObject({ line: 2, column: 2 });
    expect(decodeError(bytes('甲乙\n丙', [0xe4, 0xb8]))?.message).toContain('cut off by the end of the file');
  });

  it('accepts the edges of every row of the table', () => {
    const edges = ['\u0080', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffef', '\u{10000}', '\u{10ffff}', '\u{40000}'];
    const decoded = decodeSeed(bytes(`# 火炬动态\n${edges.join('')}\n`), 'seed.md');
    expect(decoded.ok).toBe(true);
  });
});

describe('characters removed at decode', () => {
  const clean = (text: string) => {
    const decoded = decodeSeed(Buffer.from(text, 'utf8'), 'seed.md');
    if (!decoded.ok) throw new Error(decoded.diagnostic.message);
    return { text: decoded.text, found: decoded.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`) };
  };

  it('removes noncharacters with a warning at their place', () => {
    expect(clean('标题\uFDD0\n正文\uFFFE\uFFFF与\u{1FFFF}和\u{10FFFE}')).toEqual({
      text: '标题\n正文与和',
      found: ['1:3 warning noncharacter', '2:3 warning noncharacter', '2:6 warning noncharacter', '2:9 warning noncharacter'],
    });
  });

  it('removes every bidirectional control with a warning at its place', () => {
    const all = '\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(clean(`甲\u202E乙丙\n${all}丁`)).toEqual({ text: '甲乙丙\n丁', found: ['1:2 warning bidi-control', '2:1 warning bidi-control'] });
  });

  it('removes invisible characters as a repair, and zero width joiners only between Han characters', () => {
    expect(clean('江\u200B门\u2060高\u00AD新\uFEFF区')).toEqual({ text: '江门高新区', found: ['1:2 info repair-invisible-character', '1:4 info repair-invisible-character', '1:6 info repair-invisible-character', '1:8 info repair-invisible-character'] });
    expect(clean('江\u200D门 \u200C高\n👩\u200D💻')).toEqual({ text: '江门 \u200C高\n👩\u200D💻', found: ['1:2 info repair-invisible-character'] });
  });

  it('keeps a leading byte order mark silent', () => {
    expect(clean('\uFEFF# 火炬动态')).toEqual({ text: '# 火炬动态', found: [] });
  });

  // A quadratic removal would take minutes on 600,000 characters: the test's timeout stands guard, not a timing.
  it('stays linear on a file made of nothing else', { timeout: 30_000 }, () => {
    const result = clean(`江${'\u200D\u200B'.repeat(300_000)}门`);
    expect(result).toEqual({ text: '江门', found: ['1:2 info repair-invisible-character'] });
  });

  it('refuses a file of invisible characters only as empty', () => {
    expect(decodeSeed(Buffer.from('\u200B\u200B\n\u2060', 'utf8'), 'seed.md')).toMatchObject({ ok: false, diagnostic: { ruleId: 'file-empty' } });
  });
});

describe('a zone name split by an invisible character', () => {
  it('is found by the park matcher once the character is removed', () => {
    const seed = ['# 火炬动态', '', '2023年第1期(总第550期) 2023年1月15日', '', '## 火炬在行动', '', '### 示例文章', '', '江\u200B门高新区举办活动。(供稿:科技部火炬中心)', ''].join('\n');
    const { issue, diagnostics } = parseIssueOrThrow(seed);
    expect(issue.sections[0]?.articles[0]?.parks).toEqual(['江门高新区']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ line: 9, column: 2, severity: 'info', ruleId: 'repair-invisible-character' }));
  });
});
