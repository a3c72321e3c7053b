/**
 * Notes (GFM footnotes) as pages show them: the hostile seed of issue 552
 * has one, on its second article. Its markup must survive the sanitizer,
 * validate, and keep every id unique on the whole-issue print page, where
 * all the issue's articles share one document.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite, formatReport, HTML_VALIDATE_CONFIG, validateHtml } from '../support/html.ts';

describe('notes on the pages of the hostile site', () => {
  let site: string;
  let article: string;
  let print: string;
  beforeAll(() => {
    site = builtSite('hostile');
    const issue = JSON.parse(readFileSync(path.join(site, 'data/issues/552.json'), 'utf8')) as { sections: { articles: { url: string }[] }[] };
    const url = issue.sections[0]?.articles[1]?.url ?? '';
    article = path.join(site, url, 'index.html');
    print = path.join(site, 'issues/552/print/index.html');
  });

  it('are shown after the article, labelled 注释, with their references linked both ways', () => {
    const html = readFileSync(article, 'utf8');
    expect(html).toMatch(/<section data-footnotes class="footnotes"><h2 id="[a-z0-9-]+-footnote-label">注释<\/h2>/u);
    expect(html).toContain('注释里的字符。');
    for (const [, target] of html.matchAll(/href="#([^"]+)"/gu)) expect(html, target).toContain(`id="${target}"`);
  });

  it('keep ids unique on the whole-issue print page', () => {
    const ids = [...readFileSync(print, 'utf8').matchAll(/\sid="([^"]+)"/gu)].map((match) => match[1]);
    expect(ids.filter((id) => id?.includes('-fn'))).not.toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('pass html-validate', async () => {
    const report = await validateHtml([article, print], { ...HTML_VALIDATE_CONFIG, rules: { ...HTML_VALIDATE_CONFIG.rules, 'long-title': 'off' } });
    expect(report.errorCount, formatReport(report)).toBe(0);
  });
});
