import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/parse/front-matter.ts';
import { parseText } from './helpers.ts';

const BODY = ['# 火炬动态', '', '2023年第1期(总第550期) 2023年1月15日', '', '## 火炬在行动', '', '### 示例文章', '', '正文。(供稿:科技部火炬中心)', ''].join('\n');
const errorOf = (front: string) => {
  const result = parseText(`---\n${front}---\n${BODY}`);
  expect(result.kind).toBe('invalid');
  const [error] = result.diagnostics.filter((d) => d.severity === 'error');
  return `${error?.line}:${error?.column} ${error?.ruleId} ${error?.message}`;
};

describe('front matter', () => {
  it('places a forbidden tag on the tag itself, not where js-yaml stopped reading', () => {
    expect(errorOf('title: !!js/function "function () {}"\n')).toBe('2:8 front-matter-invalid Unexpected tag `!!js/function` in front matter, expected plain YAML values');
    expect(errorOf('year: 2023\nlabel:   !!js/regexp /x/\n')).toMatch(/^3:10 front-matter-invalid Unexpected tag `!!js\/regexp`/u);
  });

  it('keeps an unquoted date a string, so that 2022-13-45 is refused instead of rolling over', () => {
    expect(errorOf('year: 2022\ndate: 2022-13-45\n')).toBe('3:1 front-matter-invalid Unexpected `date` `2022-13-45` in front matter: not a real calendar date');
    const result = parseText(`---\ndate: 2023-01-16\n---\n${BODY}`);
    expect(result.kind === 'issue' && result.issue.date).toBe('2023-01-16');
  });

  it('places schema errors on the offending key', () => {
    expect(errorOf('title: 火炬动态\n\n  # a comment\nnumbr: 3\n')).toMatch(/^5:1 front-matter-invalid Unexpected key `numbr` in front matter, expected one of title, publisher/u);
    expect(errorOf('title: 火炬动态\ncumulative: "550"\n')).toMatch(/^3:1 front-matter-invalid Unexpected `cumulative` `550` in front matter: .*number/u);
    expect(errorOf('translation_of: 550\nlang: en\narticles:\n  示例文章:\n    summary: 3\n    title: Example\n')).toMatch(/^6:5 translation-invalid Unexpected `articles.示例文章.summary` `3`/u);
    expect(errorOf('translation_of: five\nlang: en\n')).toMatch(/^2:1 translation-invalid Unexpected `translation_of` `five`/u);
  });

  it('reports a syntax error on the line js-yaml found it', () => {
    expect(errorOf('year: 2023\ncumulative: [550\ndate: 2023-01-15\n')).toMatch(/^4:1 front-matter-invalid Unexpected front matter: missed comma/u);
  });

  it('refuses characters that an escape makes and decoding would have removed', () => {
    expect(errorOf('title: ok\nlabel: "第1期\\u202E"\n')).toBe('3:8 front-matter-invalid Unexpected character U+202E in front matter (made by an escape), expected text');
  });

  it('keeps keys named like Object.prototype members as data', () => {
    const front = splitFrontMatter('---\n__proto__: 1\nconstructor: 2\n---\n', 'seed.md');
    expect(front.ok && Object.keys(front.data)).toEqual(['__proto__', 'constructor']);
    expect(front.ok && Object.getPrototypeOf(front.data)).toBe(Object.prototype);
  });

  it('is split by gray-matter, which never runs a block in another language: `---js` is refused, not evaluated', () => {
    const marker = '__bulletin_front_matter_ran__';
    const result = parseText(`---js\n{ title: (globalThis.${marker} = true, "x") }\n---\n${BODY}`);
    expect(result.kind).toBe('invalid');
    expect(result.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ line: 1, column: 4, ruleId: 'front-matter-invalid', message: 'Unexpected front matter in `js`, expected YAML' });
    expect(marker in globalThis).toBe(false);
  });

  it('reads an opening `---` with no closing one as the body (a thematic break), keeping every line number', () => {
    const front = splitFrontMatter('---\n# 火炬动态\n', 'seed.md');
    expect(front).toMatchObject({ ok: true, data: {}, body: '---\n# 火炬动态\n' });
    const split = splitFrontMatter('---\nyear: 2023\n---\n# 火炬动态\n', 'seed.md');
    expect(split).toMatchObject({ ok: true, data: { year: 2023 }, body: '\n\n\n# 火炬动态\n' });
  });
});
