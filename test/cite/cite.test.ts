import { describe, it, expect } from 'vitest';
import {
  formatBibtex,
  formatCslJson,
  formatGbt7714,
  formatReferenceEn,
  formatRis,
  type CitableArticle,
} from '../../src/cite/index.ts';

const foshan: CitableArticle = {
  id: '549-foshan-gaoxinqu-dazao-zhizao-gaodi',
  title: '佛山高新区：打造“智造”高地',
  titleEn: null,
  source: '佛山高新区',
  sourceEn: null,
  publicationTitle: '火炬动态',
  publicationTitleEn: 'Torch Dynamics',
  publisher: '科技部火炬高技术产业开发中心',
  publisherEn: 'Torch High Technology Industry Development Center, MOST',
  publisherPlace: '北京',
  year: 2022,
  issue: 20,
  cumulative: 549,
  date: '2022-11-30',
  url: 'https://example.org/archive/issues/549/foshan-gaoxinqu-dazao-zhizao-gaodi/',
  accessed: '2026-11-26',
};

const URL = 'https://example.org/archive/issues/549/foshan-gaoxinqu-dazao-zhizao-gaodi/';
const nasty = '价格 {上涨} 50% & “质量” "quality" </script><b>x</b> C:\\path_a#b $1 ^~';
const withNasty: CitableArticle = { ...foshan, title: nasty };
const noSource: CitableArticle = { ...foshan, source: null };

/** A strict reader for the entries formatBibtex writes: braces counted the way BibTeX counts them. */
function parseBibtex(text: string): { type: string; key: string; fields: Map<string, string> } {
  const head = /^@([a-z]+)\{([A-Za-z0-9_]+),\n/.exec(text);
  if (!head) throw new Error('bad entry head');
  const fields = new Map<string, string>();
  let i = head[0].length;
  for (;;) {
    const m = /^ {2}([a-z]+) = \{/.exec(text.slice(i));
    if (!m) throw new Error(`bad field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
    const name = m[1]!;
    i += m[0].length;
    const start = i;
    let depth = 1;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
      else if (text[i] === '\n') throw new Error(`newline inside ${name}`);
    }
    if (depth !== 0) throw new Error(`unbalanced ${name}`);
    if (fields.has(name)) throw new Error(`duplicate ${name}`);
    fields.set(name, text.slice(start, i - 1));
    if (text.startsWith(',\n', i)) i += 2;
    else if (text.slice(i) === '\n}\n') return { type: head[1]!, key: head[2]!, fields };
    else throw new Error(`bad separator after ${name}`);
  }
}

function risLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(line).not.toMatch(/[\r\n]/);
  }
  expect(lines[0]).toBe('TY  - JOUR');
  expect(lines.at(-1)).toBe('ER  - ');
  return lines;
}

function risValue(lines: string[], tag: string): string | undefined {
  return lines.find((l) => l.startsWith(`${tag}  - `))?.slice(6);
}

describe('GB/T 7714-2015', () => {
  it('formats the Foshan article exactly', () => {
    expect(formatGbt7714(foshan)).toBe(
      `佛山高新区. 佛山高新区：打造“智造”高地[J/OL]. 火炬动态, 2022(20)[2026-11-26]. ${URL}.`,
    );
  });

  it('falls back to the publisher when there is no source', () => {
    expect(formatGbt7714(noSource)).toBe(
      `科技部火炬高技术产业开发中心. 佛山高新区：打造“智造”高地[J/OL]. 火炬动态, 2022(20)[2026-11-26]. ${URL}.`,
    );
  });

  it('keeps the title as printed, on one line', () => {
    const ref = formatGbt7714({ ...withNasty, title: `${nasty}\n 续` });
    expect(ref).toContain(`. ${nasty} 续[J/OL]. `);
    expect(ref).not.toContain('\n');
  });

  it('rejects a malformed access date', () => {
    expect(() => formatGbt7714({ ...foshan, accessed: '2026/11/26' })).toThrow(RangeError);
  });
});

describe('English reference', () => {
  it('formats the Foshan article exactly', () => {
    expect(formatReferenceEn(foshan)).toBe(
      `佛山高新区. (2022, November 30). 佛山高新区：打造“智造”高地. Torch Dynamics (火炬动态), 2022(20), whole no. 549. Retrieved November 26, 2026, from ${URL}`,
    );
  });

  it('names the source in English with the Chinese beside it, where it has an English name', () => {
    expect(formatReferenceEn({ ...foshan, sourceEn: 'Foshan High-tech Zone' })).toBe(
      `Foshan High-tech Zone (佛山高新区). (2022, November 30). 佛山高新区：打造“智造”高地. Torch Dynamics (火炬动态), 2022(20), whole no. 549. Retrieved November 26, 2026, from ${URL}`,
    );
    expect(formatReferenceEn({ ...noSource, sourceEn: 'Foshan High-tech Zone' }).startsWith('Torch High Technology Industry Development Center, MOST. (2022')).toBe(true);
  });

  it('adds the English title in brackets and falls back to the English publisher', () => {
    expect(formatReferenceEn({ ...noSource, titleEn: 'Foshan High-tech Zone: Building a Highland of Intelligent Manufacturing' })).toBe(
      `Torch High Technology Industry Development Center, MOST. (2022, November 30). 佛山高新区：打造“智造”高地 [Foshan High-tech Zone: Building a Highland of Intelligent Manufacturing]. Torch Dynamics (火炬动态), 2022(20), whole no. 549. Retrieved November 26, 2026, from ${URL}`,
    );
  });
});

describe('BibTeX', () => {
  it('formats the Foshan article exactly', () => {
    expect(formatBibtex(foshan)).toBe(
      [
        '@article{549_foshan_gaoxinqu_dazao_zhizao_gaodi,',
        '  author = {{佛山高新区}},',
        '  title = {佛山高新区：打造“智造”高地},',
        '  journal = {火炬动态},',
        '  year = {2022},',
        '  number = {20},',
        '  month = {11},',
        '  date = {2022-11-30},',
        `  url = {${URL}},`,
        '  urldate = {2026-11-26},',
        '  publisher = {科技部火炬高技术产业开发中心},',
        '  address = {北京},',
        '  note = {总第549期},',
        '  langid = {chinese}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('parses as one entry with balanced, well-formed fields', () => {
    const text = formatBibtex(foshan);
    expect(text.match(/^@/gm)).toHaveLength(1);
    const entry = parseBibtex(text);
    expect(entry.type).toBe('article');
    expect(entry.key).toBe('549_foshan_gaoxinqu_dazao_zhizao_gaodi');
    expect([...entry.fields.keys()]).toEqual([
      'author', 'title', 'journal', 'year', 'number', 'month', 'date', 'url', 'urldate', 'publisher', 'address', 'note', 'langid',
    ]);
  });

  it('escapes the specials so the entry still parses', () => {
    const entry = parseBibtex(formatBibtex(withNasty));
    expect(entry.fields.get('title')).toBe(
      '价格 \\textbraceleft{}上涨\\textbraceright{} 50\\% \\& “质量” "quality" </script><b>x</b> C:\\textbackslash{}path\\_a\\#b \\$1 \\textasciicircum{}\\textasciitilde{}',
    );
    // Every special is escaped: none is left bare.
    const bare = entry.fields.get('title')!.replace(/\\(textbraceleft|textbraceright|textbackslash|textasciicircum|textasciitilde)\{\}|\\[%&#_$]/g, '');
    expect(bare).not.toMatch(/[\\{}%&$#_^~]/);
  });

  it('escapes a lone brace in the author without unbalancing it', () => {
    const entry = parseBibtex(formatBibtex({ ...foshan, source: 'A}B{C' }));
    expect(entry.fields.get('author')).toBe('{A\\textbraceright{}B\\textbraceleft{}C}');
  });

  it('keeps url verbatim except what could break the entry', () => {
    const entry = parseBibtex(formatBibtex({ ...foshan, url: 'https://example.org/a_b%20c/{x}#y' }));
    expect(entry.fields.get('url')).toBe('https://example.org/a_b%20c/%7Bx%7D#y');
  });

  it('falls back to the publisher when there is no source', () => {
    expect(parseBibtex(formatBibtex(noSource)).fields.get('author')).toBe('{科技部火炬高技术产业开发中心}');
  });
});

describe('RIS', () => {
  it('formats the Foshan article exactly', () => {
    expect(formatRis(foshan)).toBe(
      [
        'TY  - JOUR',
        'A1  - 佛山高新区',
        'T1  - 佛山高新区：打造“智造”高地',
        'JF  - 火炬动态',
        'Y1  - 2022/11/30/',
        'IS  - 20',
        'N1  - 总第549期',
        `UR  - ${URL}`,
        'Y2  - 2026/11/26',
        'PB  - 科技部火炬高技术产业开发中心',
        'CY  - 北京',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });

  it('parses: every line tagged, TY first, ER last, CRLF only', () => {
    const lines = risLines(formatRis(foshan));
    expect(formatRis(foshan).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines).toHaveLength(12);
  });

  it('keeps awkward titles on one line', () => {
    const lines = risLines(formatRis({ ...withNasty, title: `${nasty}\r\nER  - ` }));
    expect(risValue(lines, 'T1')).toBe(`${nasty} ER -`);
    expect(lines.filter((l) => l.startsWith('ER'))).toHaveLength(1);
  });

  it('leaves the English title out (a TT would become the title) and falls back to the publisher', () => {
    const lines = risLines(formatRis({ ...noSource, titleEn: 'Foshan High-tech Zone' }));
    expect(risValue(lines, 'A1')).toBe('科技部火炬高技术产业开发中心');
    expect(lines.join('\n')).not.toContain('Foshan High-tech Zone');
  });
});

describe('CSL-JSON', () => {
  it('formats the Foshan article exactly', () => {
    expect(JSON.parse(formatCslJson(foshan))).toEqual([
      {
        id: '549-foshan-gaoxinqu-dazao-zhizao-gaodi',
        type: 'article-journal',
        author: [{ literal: '佛山高新区' }],
        title: '佛山高新区：打造“智造”高地',
        'container-title': '火炬动态',
        issued: { 'date-parts': [[2022, 11, 30]] },
        accessed: { 'date-parts': [[2026, 11, 26]] },
        issue: '20',
        note: '总第549期',
        URL,
        publisher: '科技部火炬高技术产业开发中心',
        'publisher-place': '北京',
        language: 'zh-CN',
      },
    ]);
  });

  it('has the required keys with the right types', () => {
    const parsed: unknown = JSON.parse(formatCslJson(foshan));
    expect(Array.isArray(parsed)).toBe(true);
    const items = parsed as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    const item = items[0]!;
    for (const key of ['id', 'type', 'title', 'container-title', 'issue', 'note', 'URL', 'publisher', 'publisher-place', 'language']) {
      expect(typeof item[key], key).toBe('string');
    }
    expect(item.author).toEqual([{ literal: expect.any(String) }]);
    for (const key of ['issued', 'accessed']) {
      const parts = (item[key] as { 'date-parts': unknown })['date-parts'] as unknown[][];
      expect(parts).toHaveLength(1);
      expect(parts[0]).toHaveLength(3);
      for (const n of parts[0]!) expect(Number.isInteger(n)).toBe(true);
    }
  });

  it('round-trips awkward titles and is safe inside a <script> element', () => {
    const text = formatCslJson(withNasty);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toMatch(/[<>&]/);
    expect((JSON.parse(text) as Array<{ title: string }>)[0]!.title).toBe(nasty);
  });

  it('falls back to the publisher when there is no source', () => {
    const [item] = JSON.parse(formatCslJson(noSource)) as Array<{ author: unknown }>;
    expect(item!.author).toEqual([{ literal: '科技部火炬高技术产业开发中心' }]);
  });
});
