import { describe, expect, it } from 'vitest';
import { hanOnly } from '../../src/text/han.ts';
import { comparable, parseIssueOrThrow, rules, seed549 } from './helpers.ts';

const { issue, diagnostics } = parseIssueOrThrow(seed549, 'seeds/huoju-dongtai-549.md');
const articles = issue.sections.flatMap((section) => section.articles);
const article = (prefix: string) => {
  const found = articles.find((candidate) => candidate.title.startsWith(prefix));
  if (!found) throw new Error(`no article starting with ${prefix}`);
  return found;
};

describe('issue 549', () => {
  it('reads the masthead and the issue line', () => {
    expect(issue.publication).toEqual({ title: '火炬动态', publisher: '科技部火炬高技术产业开发中心', place: '北京' });
    expect([issue.year, issue.number, issue.cumulative, issue.date]).toEqual([2022, 20, 549, '2022-11-30']);
    expect(issue.title).toBe('2022年第20期(总第549期)');
  });

  it('has the three columns of its table of contents', () => {
    expect(issue.sections.map((section) => [section.title, section.subtitle, section.articles.length])).toEqual([
      ['火炬在行动', null, 3],
      ['奋进新征程 建功新时代', '国家高新区十年成就巡礼', 6],
      ['创业孵化', null, 2],
    ]);
  });

  it('has the eleven articles with canonical titles and sources', () => {
    expect(articles.map((a) => [a.title, a.source])).toEqual([
      ['内地与澳门深入开展科技创新创业交流对话', '科技部火炬中心'],
      ['第十一届中国创新创业大赛生物医药全国赛在杭州举办', '科技部火炬中心'],
      ['2022年全国颠覆性技术创新大赛领域赛在苏州举办', '科技部火炬中心'],
      ['佛山高新区：打造“智造”高地', '佛山高新区'],
      ['长春净月高新区：砥砺十年攀高峰', '长春净月高新区'],
      ['阜新高新区：形塑五大主导产业', '阜新高新区'],
      ['通化医药高新区：筑医药产业高地', '通化医药高新区'],
      ['安阳高新区：建宜居宜业现代新城', '安阳高新区'],
      ['黄石大冶湖高新区：构建创新创业优选地', '黄石大冶湖高新区'],
      ['成都高新区：获批四川首个国家制造业创新中心', '成都高新区'],
      ['江门高新区：首个安全应急产业孵化器揭牌', '江门高新区'],
    ]);
  });

  it('keeps subheadings apart from articles whatever their heading level', () => {
    expect(article('佛山').headings.map((h) => h.text)).toEqual(['科创高地加速崛起', '打通人才服务“最后一公里”', '“招大引强”科技金融助攻坚']);
    expect(article('黄石').headings.map((h) => h.text)).toEqual(['十年砥砺 科技创新收获满满', '平台赋能 建强科技支撑策源地', '要素顶配 构建创新创业优选地']);
    expect(article('内地与澳门').headings).toEqual([]);
    for (const a of articles) expect(new Set(a.headings.map((h) => h.anchor)).size).toBe(a.headings.length);
  });

  it('names the parks each article mentions', () => {
    expect(article('内地与澳门').parks).toEqual(['深圳高新区', '中山火炬高新区', '江门高新区', '肇庆高新区']);
    expect(article('佛山').parks).toEqual(['佛山高新区']);
    expect(article('黄石').parks).toEqual(['黄石大冶湖高新区']);
    expect(article('第十一届').parks).toEqual(['杭州高新区']);
  });

  it('removes the source marker from the body text', () => {
    for (const a of articles) {
      expect(a.text).not.toMatch(/供稿/u);
      expect(a.html).not.toMatch(/供稿/u);
    }
    expect(article('黄石').text.endsWith('汇聚高学历、高职称、高技能“三高”人才达到2.3万人。')).toBe(true);
  });

  it('reads the footer masthead into fields', () => {
    expect(issue.masthead).toEqual({
      publisher: { name: '科技部火炬高技术产业开发中心', address: '北京市西城区三里河二区甲18号', postcode: '100045', phone: '(010)88656173', website: 'www.chinatorch.gov.cn' },
      editorialOffice: { name: '编辑部', address: '北京市西城区西直门外大街132号京鼎大厦八层', postcode: '100044', phone: '(010)68667266-353', website: null },
      editors: ['田栓林', '樊子天', '叶伟'],
    });
  });

  it('reports every repair with its place and nothing worse', () => {
    expect(rules(diagnostics, 'error')).toEqual([]);
    expect(rules(diagnostics, 'warning')).toEqual([]);
    const count = (rule: string) => rules(diagnostics).filter((id) => id === rule).length;
    expect(count('repair-page-break')).toBe(12);
    expect(count('repair-stray-and')).toBe(2);
    expect(count('repair-title-spacing')).toBe(1);
    // 329 家, 84 家, 245 家, 130 家 and 11 月 22-24 日，2022 年 in the bodies, each at its place.
    expect(count('repair-digit-spacing')).toBe(12);
    expect(diagnostics.find((d) => d.ruleId === 'repair-digit-spacing')).toMatchObject({ line: 63, column: 21 });
    expect(count('repair-punctuation')).toBeGreaterThan(50);
    const firstJoin = diagnostics.find((d) => d.ruleId === 'repair-page-break');
    expect(firstJoin).toMatchObject({ line: 45, severity: 'info' });
    expect(diagnostics.find((d) => d.ruleId === 'repair-stray-and')).toMatchObject({ line: 41 });
  });

  it('joins paragraphs cut by page breaks', () => {
    expect(article('内地与澳门').text).toContain('支持科技发展以及创新创业的相关政策和具体举措。');
    expect(article('长春净月').text).toContain('固定资产投资完成255.3亿元');
    expect(article('佛山').text).toContain('积极搭建招商渠道和平台');
  });

  it('repairs ASCII punctuation and stray English inside Chinese, and leaves numbers alone', () => {
    const macau = article('内地与澳门');
    expect(macau.text).toContain('为深入学习贯彻党的二十大精神，助力粤港澳大湾区');
    expect(macau.text).toContain('深入贯彻落实党的二十大精神和国家战略部署');
    expect(article('第十一届').text).toContain('领导和嘉宾出席活动');
    expect(article('长春净月').text).toContain('同比增长6.7%；规模以上');
    expect(article('佛山').text).toContain('粤桂黔高铁经济带合作试验区（广东园）');
    expect(articles.map((a) => a.text).join('\n')).not.toMatch(/\p{Script=Han}[,:;()?!]|[,:;()?!]\p{Script=Han}/u);
  });

  it('loses nothing: every Han character of the body reaches exactly one place, in order', () => {
    const bodyStart = seed549.indexOf('## 火炬在行动');
    const bodyEnd = seed549.lastIndexOf('\n---\n');
    const input = hanOnly(seed549.slice(bodyStart, bodyEnd));
    const output = hanOnly(
      issue.sections
        .flatMap((section) => [
          section.title,
          section.subtitle ?? '',
          ...section.articles.flatMap((a) => [a.title, ...a.blocks.map((block) => block.text), a.source === null ? '' : `供稿${a.source}`]),
        ])
        .join('\n'),
    );
    // The only characters the output may add are the 和 that replace ` and `.
    expect(output.length).toBe(input.length + 2);
    let cursor = 0;
    for (const char of input) {
      cursor = output.indexOf(char, cursor);
      expect(cursor, `character ${char} lost`).toBeGreaterThanOrEqual(0);
      cursor++;
    }
  });

  it('gives stable ASCII ids, unique in the issue', () => {
    for (const a of articles) expect(a.id).toMatch(/^549-[a-z0-9-]+$/u);
    expect(new Set(articles.map((a) => a.id)).size).toBe(11);
    expect(article('佛山').id).toBe('549-fo-shan-gao-xin-qu-da-zao-zhi');
  });

  it('gives the same records from a CRLF copy with a byte order mark', () => {
    const copy = parseIssueOrThrow(`\uFEFF${seed549.replace(/\n/gu, '\r\n')}`, 'crlf.md');
    expect(comparable(copy.issue)).toEqual(comparable(issue));
  });

  it('gives the same records when every heading has the same level', () => {
    const uniform = seed549.replace(/^#{2,4} /gmu, '## ');
    expect(comparable(parseIssueOrThrow(uniform).issue)).toEqual(comparable(issue));
  });

  it('gives the same records without a table of contents, with a warning', () => {
    const start = seed549.indexOf('**【火炬在行动】**');
    const end = seed549.indexOf('## 火炬在行动');
    const copy = parseIssueOrThrow(seed549.slice(0, start) + seed549.slice(end));
    expect(rules(copy.diagnostics, 'warning')).toEqual(['toc-missing']);
    expect(comparable(copy.issue)).toEqual(comparable(issue));
  });
});
