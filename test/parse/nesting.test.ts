import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/parse/nesting.ts';
import { parseText, rules, seed549 } from './helpers.ts';

const HEAD = ['# 火炬动态', '', '2023年第1期(总第550期) 2023年1月15日', '', '## 火炬在行动', '', '### 示例文章', ''];
const seed = (body: string) => [...HEAD, body, '', '(供稿:科技部火炬中心)', ''].join('\n');
const BODY_LINE = HEAD.length + 1;

/** The unguarded parse overflowed the stack, or ran for minutes on deep lists; bounded means far below either. */
const BOUND_MS = 5000;

function tooDeep(body: string) {
  const started = performance.now();
  const result = parseText(seed(body));
  const ms = performance.now() - started;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { kind: result.kind, ms, errors: errors.map((d) => `${d.line}:${d.column} ${d.ruleId}`) };
}

describe('nesting', () => {
  it(`reads ${MAX_NESTING} levels of quotes and lists`, () => {
    for (const body of ['>'.repeat(MAX_NESTING) + ' 引用', '- '.repeat(MAX_NESTING) + '列表', Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- 列表`).join('\n'), '> - '.repeat(MAX_NESTING / 2) + '混合']) {
      expect(tooDeep(body)).toMatchObject({ kind: 'issue', errors: [] });
    }
  });

  it.each([
    ['quotes on one line', (n: number) => '>'.repeat(n) + ' 引用', [0, MAX_NESTING + 1]],
    ['spaced quotes', (n: number) => '> '.repeat(n) + '引用', [0, 2 * MAX_NESTING + 1]],
    ['bullets on one line', (n: number) => '- '.repeat(n) + '列表', [0, 2 * MAX_NESTING + 1]],
    ['ordered items on one line', (n: number) => '1. '.repeat(n) + '列表', [0, 3 * MAX_NESTING + 1]],
    ['quotes and lists mixed', (n: number) => '> * '.repeat(Math.ceil(n / 2)) + '混合', [0, 2 * MAX_NESTING + 1]],
  ] as const)('stops %s at the first marker past the limit, at 2,000 and 100,000 levels', (_, body, [line, column]) => {
    for (const levels of [MAX_NESTING + 1, 2000, 100_000]) {
      const found = tooDeep(body(levels));
      expect(found).toMatchObject({ kind: 'invalid', errors: [`${BODY_LINE + line}:${column} nesting-too-deep`] });
      expect(found.ms).toBeLessThan(BOUND_MS);
    }
  });

  it.each([
    ['quotes, one more a line', (i: number) => `${'>'.repeat(i + 1)} 引用`, MAX_NESTING + 1],
    ['an indented list', (i: number) => `${'  '.repeat(i)}- 列表`, 2 * MAX_NESTING + 1],
    ['an indented ordered list', (i: number) => `${'   '.repeat(i)}1. 列表`, 3 * MAX_NESTING + 1],
    ['a list with tabs', (i: number) => `${'\t'.repeat(i)}- 列表`, MAX_NESTING + 1],
  ] as const)('stops %s on the line where it passes the limit, at 2,000 levels', (_, line, column) => {
    const found = tooDeep(Array.from({ length: 2000 }, (__, i) => line(i)).join('\n'));
    expect(found).toMatchObject({ kind: 'invalid', errors: [`${BODY_LINE + MAX_NESTING}:${column} nesting-too-deep`] });
    expect(found.ms).toBeLessThan(BOUND_MS);
  });

  it('catches nested emphasis, which has no line structure, in the tree before anything recurses over it', () => {
    const found = tooDeep(`${'*甲 '.repeat(2000)}乙${' 甲*'.repeat(2000)}`);
    expect(found).toMatchObject({ kind: 'invalid', errors: [`${BODY_LINE}:${3 * MAX_NESTING + 1} nesting-too-deep`] });
  });

  it('does not count what only looks like markers: code, fences, thematic breaks, text', () => {
    const deep = '>'.repeat(100);
    const body = [`    ${deep}`, '', '```', deep, '- '.repeat(100), '```', '', '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -', '', `正文 ${deep}`].join('\n');
    expect(tooDeep(body)).toMatchObject({ kind: 'issue', errors: [] });
  });

  it('leaves issue 549 alone', () => {
    expect(rules(parseText(seed549).diagnostics, 'error')).toEqual([]);
  });
});
