import fc from 'fast-check';
import { containsPhrases, excerpt, matchRanges, splitContent } from '../../src/browser/search/excerpt.ts';
import { recordContent } from '../../src/search/search-record.ts';
import { englishUrl } from '../../src/browser/search/result-item.ts';
import { describe, expect, it } from 'vitest';
import {
  SEPARATOR,
  WORD_END,
  displayText,
  fromIndexText,
  toIndexText,
} from '../../src/search/index-content.ts';
import { parseQuery, type QueryPhrase } from '../../src/search/query.ts';

const S = SEPARATOR;
const E = WORD_END;

/** Text made of the pieces that matter: Han, kana, Hangul, Latin, digits, punctuation, white space, format and odd characters. */
const pieces = [
  '江', '门', '高', '新', '区', '成', '都', '净', '月', '年', '々', '〇', 'ア', 'ガ', '한', '葛\u{E0100}',
  'A', 'i', 'G', 'c', '5', '2022', 'é', 'e\u0301', 'ß', 'İ', 'ａ', 'Ｉ', '１', '½', 'x²', '_', 'ﬁ',
  '，', '。', '、', '“', '”', '(', ')', '-', '.', ':', '<', '>', '&', '%', '©', '😀', '👍🏽', '\u0301',
  ' ', '  ', '\n', '\n\n', '\t', '\u3000', '\u00a0', '\u200b', '\u2063', '\u200d', '\ufeff', WORD_END, '\ud800', '㌑', 'ꀀ', 'ー',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

describe('toIndexText', () => {
  it.each([
    ['江门高新区', '江 门 高 新 区'],
    ['江门高新区，AI 2022年', `江 门 高 新 区 ， AI${E} ${S} 2022${E} 年`],
    ['江，门', '江 ， 门'],
    ['江 门', `江 ${S} 门`],
    ['珠江\n\n门户', `珠 江 ${S} 门 户`],
    ['5G基站', `5G${E} 基 站`],
    ['COVID-19', `COVID${E} - 19${E}`],
    ['ＡＩ赋能', `AI${E} 赋 能`],
    // The converter's space between a number or a Latin word and an ideograph takes no position.
    ['2022 年', `2022${E} 年`],
    ['11 月 22-24 日', `11${E} 月 22${E} - 24${E} 日`],
    ['AI 质检', `AI${E} 质 检`],
    ['年 2022 Windows 11', `年 2022${E} ${S} Windows${E} ${S} 11${E}`],
    ['a\u200bb\u2063c', `abc${E}`],
    ['  “科技创新”  ', '“ 科 技 创 新 ”'],
    ['', ''],
    [' \n ', ''],
  ])('%j', (input, expected) => {
    expect(toIndexText(input)).toBe(expected);
  });

  it('gives one non-empty, space-free token per word position', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const out = toIndexText(t);
        if (out === '') return;
        for (const tok of out.split(' ')) {
          expect(tok).not.toBe('');
          expect(tok).not.toMatch(/[\s\u200b]/u);
        }
      }),
    );
  });

  it('is undone by fromIndexText, up to white space runs and NFKC words', () => {
    fc.assert(fc.property(anyText, (t) => fromIndexText(toIndexText(t)) === displayText(t)));
  });

  it('joins a compatibility character\'s spelling to the word after it, as its display form does', () => {
    // ㌑ is ギニー: its ー and the Yi syllable ꀀ after it are one word, in the text and in its display form.
    expect(toIndexText('㌑ꀀ')).toBe(`ギ ニ ーꀀ${E}`);
    expect(toIndexText(displayText('㌑ꀀ'))).toBe(toIndexText('㌑ꀀ'));
  });

  it('indexes display text as it indexes the original', () => {
    fc.assert(fc.property(anyText, (t) => toIndexText(displayText(t)) === toIndexText(t)));
  });
});

describe('fromIndexText', () => {
  it('reads Pagefind stored content, with the U+200B Pagefind puts between words', () => {
    expect(fromIndexText(`江 \u200b门 \u200b高 \u200b新 \u200b区 \u200b， \u200bAI${E} \u200b${S} \u200b2022${E} \u200b年`)).toBe(
      '江门高新区，AI 2022年',
    );
  });
  it('keeps a word-end mark that the text itself had', () => {
    expect(fromIndexText(toIndexText(`a${E}b ${E}`))).toBe(`a${E}b ${E}`);
  });
});

describe('parseQuery', () => {
  const terms = (q: string): string[][] => parseQuery(q).map((p) => p.terms.map((t) => t.term + (t.prefix ? '*' : '')));

  it.each<[string, string[][]]>([
    ['江门', [['江', '门']]],
    ['成都高新区', [['成', '都', '高', '新', '区']]],
    ['江门 高新区', [['江', '门'], ['高', '新', '区']]],
    ['“净月”', [['净', '月']]],
    ['江，门', [['江'], ['门']]],
    ['AI', [[`ai${E}`]]],
    ['incub', [['incub*']]],
    ['Macao', [['macao*']]],
    ['air', [[`air${E}`]]],
    ['5G基站', [[`5g${E}`, '基', '站']]],
    ['基站5G', [['基', '站', `5g${E}`]]],
    ['COVID-19', [['covid*'], [`19${E}`]]],
    ['2022', [[`2022${E}`]]],
    ['ＡＩ', [[`ai${E}`]]],
    ['江门 江门 ai AI', [['江', '门'], [`ai${E}`]]],
    // A typed space separates phrases, which then occur in any order: text with or without the converter's space is found.
    ['2022 年', [[`2022${E}`], ['年']]],
    ['2022年', [[`2022${E}`, '年']]],
    ['329 家企业', [[`329${E}`], ['家', '企', '业']]],
    ['11 月 22-24 日', [[`11${E}`], ['月'], [`22${E}`], [`24${E}`], ['日']]],
    ['Windows 11', [['windows*'], [`11${E}`]]],
    ['，。 ', []],
    ['', []],
  ])('%j', (q, expected) => {
    expect(terms(q)).toEqual(expected);
  });

  it('keeps the typed phrase for highlighting', () => {
    expect(parseQuery(' “成都高新区” ＡＩ').map((p) => p.text)).toEqual(['成都高新区', 'AI']);
  });

  it('finds in a text the phrases of a query made from that text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const hay = displayText(t).toLowerCase();
        for (const p of parseQuery(t)) expect(hay).toContain(p.text.toLowerCase());
      }),
    );
  });
});

describe('the search page\'s display helpers', () => {
  const q = (s: string): QueryPhrase[] => parseQuery(s);

  it('finds every occurrence of every phrase, case-insensitively, merged', () => {
    expect(matchRanges('江门市江门高新区', q('江门'))).toEqual([
      [0, 2],
      [3, 5],
    ]);
    // A short word is a whole word: not the AI of AIGC; a long last word is a prefix.
    expect(matchRanges('AIGC与ai', q('AI'))).toEqual([[5, 7]]);
    expect(matchRanges('incubator, incub', q('incub'))).toEqual([
      [0, 5],
      [11, 16],
    ]);
    expect(matchRanges('aims air ai', q('ai'))).toEqual([[9, 11]]);
    expect(matchRanges('江门高新区', q('江门 门高'))).toEqual([[0, 3]]);
    expect(matchRanges('a.b', q('.'))).toEqual([]);
  });

  it('cuts an excerpt around the first match, marks shifted, surrogate pairs whole', () => {
    const long = `${'前'.repeat(100)}江门${'后'.repeat(100)}`;
    const ex = excerpt(long, q('江门'), 30);
    expect(ex.text.startsWith('…')).toBe(true);
    expect(ex.text.endsWith('…')).toBe(true);
    expect(ex.ranges).toHaveLength(1);
    const [a, b] = ex.ranges[0]!;
    expect(ex.text.slice(a, b)).toBe('江门');
    const emoji = excerpt(`${'😀'.repeat(50)}江门`, q('江门'), 21);
    expect(emoji.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(excerpt('短文本', q('江门'), 30)).toEqual({ text: '短文本', ranges: [] });
  });

  it('maps result URLs to the English site under the base path', () => {
    expect(englishUrl('/base/issues/549/x/', '/base/')).toBe('/base/en/issues/549/x/');
    expect(englishUrl('/issues/549/x/', '/')).toBe('/en/issues/549/x/');
    expect(englishUrl('/base/en/issues/549/x/', '/base')).toBe('/base/en/issues/549/x/');
    expect(englishUrl('/other/x/', '/base/')).toBe('/other/x/');
  });

  it('splits stored content into title and text', () => {
    const content = `${toIndexText('佛山高新区:打造“智造”高地')} ${SEPARATOR} ${toIndexText('十年来,园区…')}`;
    expect(splitContent(content, '佛山高新区:打造“智造”高地')).toEqual({
      title: '佛山高新区:打造“智造”高地',
      text: '十年来,园区…',
      english: [],
    });
  });

  it('splits a record’s stored content into its Chinese title, text and source, and its English texts', () => {
    const record = { title: '佛山高新区：打造“智造”高地', text: '2022 年，园区…', source: '佛山高新区', english: ['Foshan High-tech Zone: Building a Highland', 'Foshan High-tech Zone'] };
    // As Pagefind stores it: a U+200B before each token after the first.
    const stored = recordContent(record).split(' ').join(' \u200b');
    expect(splitContent(stored, record.title, record.source)).toEqual({ title: '佛山高新区：打造“智造”高地', text: '2022年，园区…', english: record.english });
    expect(containsPhrases({ content: stored, meta: { title: record.title, source: record.source } }, parseQuery('highland'))).toBe(true);
    expect(containsPhrases({ content: stored, meta: { title: record.title, source: record.source } }, parseQuery('highlands'))).toBe(false);
  });
});
