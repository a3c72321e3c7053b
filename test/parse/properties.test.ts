import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTranslationSeed, parseSeed } from '../../src/parse/parse-issue.ts';
import { hanOnly } from '../../src/text/han.ts';
import { parseText, seed549 } from './helpers.ts';

const MASTHEAD = '# 火炬动态\n\n科技部火炬高技术产业开发中心\n\n2023年第1期(总第550期) 2023年1月15日\n\n';
const han = fc.constantFrom(...'高新区科技创新创业孵化园区企业产业发展佛山江门净月大冶湖成都的了和在是国家'.split(''));
const hanText = fc.array(han, { minLength: 1, maxLength: 30 }).map((chars) => chars.join(''));
const noise = fc.constantFrom(',', ':', ';', '(', ')', '?', '!', ' ', '1,000', '6.7%', '(010)88656173', 'www.example.org', 'English words', ' and ', '**', '_', '`', '<b>', '</script>', '[x](javascript:alert(1))', '\\', '#', '>', '- ', '1. ', '|', '---', '(供稿:', '供稿', '【', '】', '——', '\n', '  \n');
const inline = fc.array(fc.oneof(hanText, noise), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const block = fc.oneof(
  inline,
  hanText.map((title) => `## ${title}`),
  hanText.map((title) => `### ${title}`),
  hanText.map((title) => `#### ${title}`),
  hanText.map((source) => `(供稿:${source})`),
  hanText.map((title) => `**【${title}】** ${title}`),
  fc.constant('---'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const markdown = fc.array(block, { maxLength: 25 }).map((blocks) => blocks.join('\n\n'));

describe('parser properties', () => {
  it('never throws, whatever the input: bad input is a diagnostic with a place and a rule id', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, markdown.map((body) => MASTHEAD + body)), (text) => {
        const result = parseText(text);
        expect(['issue', 'translation', 'invalid']).toContain(result.kind);
        if (result.kind === 'invalid') expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.column).toBeGreaterThanOrEqual(1);
          expect(diagnostic.ruleId).toMatch(/^[a-z]+(-[a-z]+)*$/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() => parseText(Buffer.from(bytes).toString('latin1'))).not.toThrow();
        // The bytes as a file holds them: invalid UTF-8, byte order marks, NUL.
        for (const file of [bytes, Buffer.concat([Buffer.from('---\n'), bytes])]) {
          expect(() => parseSeed(file, 'x.md')).not.toThrow();
          expect(() => isTranslationSeed(file, 'x.md')).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('conserves every Han character of a well-formed body, in order', () => {
    const article = fc.record({ title: hanText, paragraphs: fc.array(fc.array(fc.oneof(hanText, fc.constantFrom(',', '。', '(', ')', ' ', '1,000', 'AI')), { minLength: 1, maxLength: 8 }).map((p) => p.join('')), { minLength: 1, maxLength: 5 }), subheading: fc.option(hanText), source: hanText });
    const issue = fc.array(fc.record({ column: hanText, articles: fc.array(article, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(issue, (columns) => {
        const used = new Set<string>();
        const unique = (text: string) => {
          let candidate = text;
          for (let n = 1; used.has(candidate); n++) candidate = `${text}第${n}`;
          used.add(candidate);
          return candidate;
        };
        const named = columns.map((column) => ({ column: unique(column.column), articles: column.articles.map((a) => ({ ...a, title: unique(`文章${a.title}`) })) }));
        const toc = named.map((column) => `**【${column.column}】** ${column.articles.map((a) => a.title).join('  \n')}`).join('\n\n');
        const body = named
          .map((column) => [`## ${column.column}`, ...column.articles.map((a) => [`### ${a.title}`, ...(a.subheading ? [`#### 小标题${a.subheading}`] : []), ...a.paragraphs, `(供稿:${a.source})`].join('\n\n'))].join('\n\n'))
          .join('\n\n');
        const result = parseText(`${MASTHEAD}${toc}\n\n${body}\n`);
        if (result.kind !== 'issue') throw new Error(JSON.stringify(result.diagnostics));
        const output = result.issue.sections
          .flatMap((section) => [section.title, ...section.articles.flatMap((a) => [a.title, ...a.blocks.map((b) => b.text), a.source === null ? '' : `供稿${a.source}`])])
          .join('');
        expect(hanOnly(output)).toBe(hanOnly(body));
      }),
      { numRuns: 150 },
    );
  });
});

describe('adversarial input finishes (no runaway regular expressions)', () => {
  const body549 = seed549.slice(0, seed549.lastIndexOf('\n---\n'));
  const cases: [string, string][] = [
    ['50,000 open parentheses', `${'('.repeat(50_000)}中${')'.repeat(50_000)}`],
    ['100,000 times 高新区', '高新区'.repeat(100_000)],
    ['30,000 unclosed source markers', '(供稿:'.repeat(30_000)],
    ['200,000 commas between Chinese', '中,'.repeat(200_000)],
    ['100,000 stray ands', `${'中 and '.repeat(100_000)}中`],
    ['a 300,000-character URL', `见https://example.org/${'a,'.repeat(150_000)}`],
    ['5,000 equal headings', '### 标题\n\n'.repeat(5_000)],
  ];
  for (const [name, tail] of cases) {
    it(name, () => {
      const result = parseText(`${body549}\n\n${tail}\n`);
      expect(result.kind).toBe('issue');
    });
  }
  // Deeper than MAX_NESTING: refused with a diagnostic (test/parse/nesting.test.ts), before anything recurses.
  for (const [name, tail] of [
    ['1,000 nested block quotes', `${'>'.repeat(1_000)} 深`],
    ['100 nested lists', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n')],
  ] as const) {
    it(name, () => {
      const result = parseText(`${body549}\n\n${tail}\n`);
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['nesting-too-deep']);
    });
  }

  it('a 10 MB issue', () => {
    const paragraph = '这是一个很长的段落,包含中文和English words以及数字1,000。';
    const count = Math.ceil(10_000_000 / Buffer.byteLength(`${paragraph}\n\n`));
    const start = seed549.indexOf('### 内地与澳门');
    const text = `${seed549.slice(0, start)}### 内地与澳门深入开展科技创新创业交流对话\n\n${`${paragraph}\n\n`.repeat(count)}(供稿:示例)\n\n${seed549.slice(seed549.indexOf('## 第十一届'))}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(10_000_000);
    const result = parseText(text);
    expect(result.kind).toBe('issue');
    if (result.kind === 'issue') expect(result.issue.sections[0]?.articles[0]?.text.length).toBeGreaterThan(3_000_000);
  }, 180_000);

  it('a 100,000-line issue', () => {
    const start = seed549.indexOf('### 内地与澳门');
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 2 ? '' : `第${i}行，内容。`)).join('\n');
    const result = parseText(`${seed549.slice(0, start)}### 内地与澳门深入开展科技创新创业交流对话\n\n${lines}\n\n(供稿:示例)\n\n${seed549.slice(seed549.indexOf('## 第十一届'))}`);
    expect(result.kind).toBe('issue');
  }, 120_000);
});
