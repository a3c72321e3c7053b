import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseIssueOrThrow } from './helpers.ts';

const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/bad-input/footnotes/input.md', import.meta.url)), 'utf8');
const { issue, diagnostics } = parseIssueOrThrow(FIXTURE, 'footnotes.md');
const [first, second] = issue.sections[0]?.articles ?? [];

describe('footnotes', () => {
  it('give each article the notes it refers to, after its body, in its plain text and blocks', () => {
    expect(first?.text).toBe(['佛山高新区举办活动，内容丰富。未定义的引用[^missing]保持原文。', '第一条注释，提到大冶湖高新区。', '活动详情见网站，另有<b>原始标记</b>和坏链接。'].join('\n\n'));
    expect(second?.text).toBe('江门高新区正文。\n\n第二条注释。');
    expect(first?.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '活动详情见网站，另有<b>原始标记</b>和坏链接。' });
  });

  it('count the parks that a note names', () => {
    expect(first?.parks).toEqual(['佛山高新区', '黄石大冶湖高新区']);
  });

  it('render as a section of notes labelled 注释, with ids that carry the article slug', () => {
    const html = first?.html ?? '';
    expect(html).toContain(`<sup><a href="#${first?.slug}-fn-1" id="${first?.slug}-fnref-1" data-footnote-ref aria-describedby="${first?.slug}-footnote-label">1</a></sup>`);
    expect(html).toContain(`<h2 id="${first?.slug}-footnote-label">注释</h2>`);
    expect(html).toContain(`<a href="#${first?.slug}-fnref-detail" data-footnote-backref="" aria-label="返回正文（注释 2）" class="data-footnote-backref">↩</a>`);
    expect(html).toContain('<a href="https://example.org/">网站</a>');
  });

  it('keep every id unique across the issue, as the whole-issue print page needs', () => {
    const ids = issue.sections.flatMap((section) => section.articles.flatMap((article) => [...article.html.matchAll(/\sid="([^"]+)"/gu)].map((match) => match[1])));
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
    for (const article of issue.sections.flatMap((section) => section.articles)) {
      for (const [, target] of article.html.matchAll(/href="#([^"]+)"/gu)) expect(article.html).toContain(`id="${target}"`);
    }
  });

  it('name a note nobody refers to, and a second definition, at their place', () => {
    const notes = diagnostics.filter((d) => d.ruleId.startsWith('footnote-')).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
    expect(notes).toEqual([
      '29:1 warning footnote-duplicate Unexpected second note `[^2]` (`第二条注释的重复定义。`), expected each note defined once; it is left out',
      "28:1 warning footnote-unused Unexpected note `[^orphan]` (`没有文章引用的注释。`) that no article's text refers to (references in titles and the table of contents do not count), expected a reference `[^orphan]` in an article; it is left out",
    ]);
  });

  it('leave a reference without a definition as the text it is', () => {
    expect(first?.html).toContain('未定义的引用[^missing]保持原文');
  });

  const seed = (body: string) => ['# 火炬动态', '', '2023年第1期(总第550期) 2023年1月15日', '', '## 火炬在行动', '', '### 甲文', '', body, '', '### 乙文', '', '乙文也引用[^1]。(供稿:科技部火炬中心)', '', '[^1]: 共同的注释。', ''].join('\n');

  it('keep a note referred to after the source marker, and give a shared note to each article', () => {
    const { issue: shared } = parseIssueOrThrow(seed('甲文正文。(供稿:科技部火炬中心)[^1]'));
    const [a, b] = shared.sections[0]?.articles ?? [];
    expect([a?.source, a?.text, b?.text]).toEqual(['科技部火炬中心', '甲文正文。\n\n共同的注释。', '乙文也引用。\n\n共同的注释。']);
    expect(a?.html).toContain(`id="${a?.slug}-fn-1"`);
    expect(b?.html).toContain(`id="${b?.slug}-fn-1"`);
  });

  it('change nothing for an issue without notes', () => {
    const { issue: plain } = parseIssueOrThrow(seed('甲文正文。(供稿:科技部火炬中心)').replace('[^1]: 共同的注释。', '').replace('[^1]', ''));
    expect(plain.sections[0]?.articles.map((article) => article.html)).toEqual(['<p>甲文正文。</p>', '<p>乙文也引用。</p>']);
  });
});
