import { describe, expect, it } from 'vitest';
import { foldTitle } from '../../src/text/fold.ts';
import { fullWidthPunctuation, repairDigitSpacing, repairStrayAnd } from '../../src/text/punctuation.ts';
import { createSlugger, slugify } from '../../src/text/slug.ts';

describe('full-width punctuation inside Chinese', () => {
  const cases: [string, string][] = [
    ['为深入学习贯彻党的二十大精神,助力粤港澳', '为深入学习贯彻党的二十大精神，助力粤港澳'],
    ['佛山高新区:打造“智造”高地', '佛山高新区：打造“智造”高地'],
    ['同比增长6.7%;规模以上', '同比增长6.7%；规模以上'],
    ['合作试验区(广东园)、全国', '合作试验区（广东园）、全国'],
    ['西部(成都)科学城', '西部（成都）科学城'],
    ['真的吗?是的!', '真的吗？是的！'],
    ['“双区”,“两个合作区”', '“双区”，“两个合作区”'],
    ['网址:www.chinatorch.gov.cn', '网址：www.chinatorch.gov.cn'],
  ];
  for (const [input, output] of cases) it(`repairs ${input}`, () => expect(fullWidthPunctuation(input).text).toBe(output));

  const untouched = [
    '投入超1,000万元',
    '增长255.3亿元和6.7%',
    '电话(010)88656173',
    '时间10:30开始',
    'https://example.org/a?b=1,2&c=(3)',
    'www.chinatorch.gov.cn/a,b',
    'The zone, founded in 1991, grew (fast)!',
    'Is it ok? Yes; it is: fine.',
    'mail@example.org',
    '高压大功率MOSFET器件',
  ];
  for (const input of untouched) it(`leaves ${input} alone`, () => expect(fullWidthPunctuation(input).text).toBe(input));

  it('reports each change with its offset', () => {
    expect(fullWidthPunctuation('甲,乙(丙)').changes).toEqual([
      { offset: 1, from: ',', to: '，' },
      { offset: 3, from: '(', to: '（' },
      { offset: 5, from: ')', to: '）' },
    ]);
  });
});

describe('stray `and` between Chinese', () => {
  it('becomes 和', () => expect(repairStrayAnd('党的二十大精神 and 国家战略部署').text).toBe('党的二十大精神和国家战略部署'));
  it('stays in English', () => expect(repairStrayAnd('research and development').text).toBe('research and development'));
  it('stays between Latin and Chinese', () => expect(repairStrayAnd('AI and 大数据').text).toBe('AI and 大数据'));
  it('stays inside words', () => expect(repairStrayAnd('精神band国家').text).toBe('精神band国家'));
});

describe('stray spaces between digits and Chinese in titles', () => {
  it('are removed', () => expect(repairDigitSpacing('2022 年全国颠覆性技术创新大赛').text).toBe('2022年全国颠覆性技术创新大赛'));
  it('both sides', () => expect(repairDigitSpacing('第 11 届').text).toBe('第11届'));
  it('not between Latin words and digits', () => expect(repairDigitSpacing('Windows 11 and 5G').text).toBe('Windows 11 and 5G'));
});

describe('title folding', () => {
  it('ignores spaces and punctuation width', () => {
    expect(foldTitle('佛山高新区:打造“智造”高地')).toBe(foldTitle('佛山高新区：打造"智造"高地'));
    expect(foldTitle('2022 年全国颠覆性')).toBe(foldTitle('2022年全国颠覆性'));
  });
  it('keeps different titles apart', () => expect(foldTitle('创业孵化')).not.toBe(foldTitle('创新孵化')));
});

describe('slugs', () => {
  it('are ASCII pinyin, at most eight syllables', () => {
    expect(slugify('佛山高新区：打造“智造”高地')).toBe('fo-shan-gao-xin-qu-da-zao-zhi');
    expect(slugify('2022年全国颠覆性技术创新大赛')).toBe('2022-nian-quan-guo-dian-fu-xing-ji');
    expect(slugify('“”')).toBe('untitled');
  });
  it('are unique within a slugger, even against suffixed bases', () => {
    const slug = createSlugger();
    expect([slug('甲'), slug('甲'), slug('jia 2'), slug('甲')]).toEqual(['jia', 'jia-2', 'jia-2-2', 'jia-3']);
  });
});
