import { describe, expect, it } from 'vitest';
import { parseIssueOrThrow } from './helpers.ts';

const HEAD = '# 火炬动态\n\n科技部火炬高技术产业开发中心\n\n2023年第1期(总第550期) 2023年1月15日\n\n**【火炬在行动】** 示例\n\n## 火炬在行动\n\n### 示例\n\n第一段。\n\n';
const lastArticle = (tail: string) => parseIssueOrThrow(`${HEAD}${tail}\n`).issue.sections[0]?.articles[0];

describe('the 供稿 source', () => {
  const cases: [string, string, string][] = [
    ['at the end of the last paragraph', '结尾一句。(供稿:佛山高新区)', '结尾一句。'],
    ['as its own paragraph', '结尾一句。\n\n（供稿：佛山高新区）', '结尾一句。'],
    ['after a hard line break', '结尾一句。  \n(供稿:佛山高新区)', '结尾一句。'],
    ['inside bold, keeping the words before it', '**全文完，成果显著。(供稿:佛山高新区)**', '全文完，成果显著。'],
    ['inside a link, keeping the link text', '[官网通知…(供稿:佛山高新区)](https://example.org/)', '官网通知…'],
  ];
  for (const [where, tail, kept] of cases) {
    it(where, () => {
      const article = lastArticle(tail);
      expect(article?.source).toBe('佛山高新区');
      expect(article?.text).toBe(`第一段。\n\n${kept}`);
    });
  }
});
