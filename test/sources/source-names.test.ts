import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';
import { loadOrganisations, parseOrganisations, sourceNameEn, sourceNames } from '../../src/sources/source-names.ts';

const HEADER = 'name\tname_en\tsource';

describe('the English names of sources', () => {
  it('names a zone by its English name, in every form the parser knows it by', () => {
    expect(sourceNameEn('佛山高新区')).toBe('Foshan High-tech Zone');
    expect(sourceNameEn('黄石大冶湖高新区')).toBe('Huangshi Dayehu High-tech Zone');
    expect(sourceNameEn('大冶湖高新区')).toBe('Huangshi Dayehu High-tech Zone');
    expect(sourceNameEn('长春净月高新技术产业开发区')).toBe('Changchun Jingyue High-tech Zone');
    expect(sourceNameEn('佛山高新区管委会')).toBe('Foshan High-tech Zone Administrative Committee');
  });

  it('names the organisations of the dictionary, and joint sources part by part', () => {
    expect(sourceNameEn('科技部火炬中心')).toBe('Torch High Technology Industry Development Center, MOST');
    expect(sourceNameEn('江门高新区、江门市科技局')).toBe('Jiangmen High-tech Zone; Jiangmen Municipal Bureau of Science and Technology');
    expect(sourceNameEn(' 上海市科委 ')).toBe('Science and Technology Commission of Shanghai Municipality');
  });

  it('has no English name for what it does not know, or for a joint source with an unknown part', () => {
    expect(sourceNameEn('某某科技有限公司')).toBeNull();
    expect(sourceNameEn('科技部火炬中心、某某科技有限公司')).toBeNull();
    expect(sourceNameEn('佛山')).toBeNull();
    expect(sourceNameEn('')).toBeNull();
  });

  it('knows the zone a source is, for the zone pages: 大冶湖高新区 is 黄石大冶湖高新区', () => {
    const names = sourceNames(loadGazetteer());
    expect(names.zone('大冶湖高新区')).toBe('黄石大冶湖高新区');
    expect(names.zone('佛山高新区')).toBe('佛山高新区');
    expect(names.zone('科技部火炬中心')).toBeNull();
  });

  it('covers every organisation named as a source in the seeds and fixtures', () => {
    const names = new Set(loadOrganisations().map((entry) => entry.name));
    for (const name of ['科技部火炬中心', '江苏省科技厅', '湖北省科技厅', '本刊记者', '湖南省科技厅', '湖北省自然资源厅', '湖北省发展改革委', '深圳市科创委', '浙江省科技厅', '江门市科技局', '广东省陶瓷协会', '广东省科技厅', '安徽省科技厅', '园区管委会', '吉林省科技厅', '吉林省文旅厅', '佛山市商务局', '上海市科委', '科技部火炬高技术产业开发中心', '编辑部']) {
      expect(names.has(name), name).toBe(true);
    }
  });
});

describe('source-organisations.tsv', () => {
  it('gives every entry an English name and where it comes from', () => {
    const entries = loadOrganisations();
    expect(entries.length).toBeGreaterThanOrEqual(20);
    for (const entry of entries) expect(entry.source, entry.name).toMatch(/^(https?:\/\/|translation)/u);
  });

  it('refuses a row without a source, a Latin name in the Chinese column, a repeated name, a wrong header', () => {
    expect(() => parseOrganisations(`${HEADER}\n本刊记者\tStaff reporter\t`)).toThrow(/:2: source/u);
    expect(() => parseOrganisations(`${HEADER}\nTorch\tTorch\thttps://example.org/`)).toThrow(/:2: name/u);
    expect(() => parseOrganisations(`${HEADER}\n编辑部\tEditorial Office\ttranslation\n编辑部\tOffice\ttranslation`)).toThrow(/:3: 编辑部 is listed twice/u);
    expect(() => parseOrganisations('name\tsource\n')).toThrow(/:1: expected header/u);
    expect(parseOrganisations(`${HEADER}\n编辑部\tEditorial Office\ttranslation\n`)).toEqual([{ name: '编辑部', nameEn: 'Editorial Office', source: 'translation' }]);
  });
});
