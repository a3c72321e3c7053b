/** Nicknames and former names count as naming their zone, where their rule says so, and decoys never do. */
import { describe, expect, it } from 'vitest';
import { loadAliases, parseAliases } from '../../src/parks/aliases.ts';
import { gazetteerMatcher } from '../../src/parks/gazetteer-matcher.ts';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';
import { parksNamed } from '../../src/parks/park-matcher.ts';

const parks = loadGazetteer();
const named = (text: string) => parksNamed(gazetteerMatcher().find(text));

describe('the alias table', () => {
  const aliases = loadAliases(parks);

  it('has a dozen nicknames and ten former names at least, each with where it comes from', () => {
    expect(aliases.filter((alias) => alias.kind === 'nickname').length).toBeGreaterThanOrEqual(12);
    expect(aliases.filter((alias) => alias.kind === 'former').length).toBeGreaterThanOrEqual(10);
    for (const alias of aliases) expect(alias.source.length, alias.alias).toBeGreaterThan(5);
  });

  it('names zones of the gazetteer only, and each alias once', () => {
    const header = 'alias\tshort_name\tkind\trule\tcontext\tsource';
    expect(() => parseAliases(`${header}\n光谷\t武汉高新区\tnickname\talways\t\tx`, parks)).toThrow(/not a short name of the gazetteer/u);
    expect(() => parseAliases(`${header}\n光谷\t东湖高新区\tnickname\talways\t\tx\n光谷\t东湖高新区\tnickname\talways\t\tx`, parks)).toThrow(/listed twice/u);
    expect(() => parseAliases(`${header}\n光谷\t东湖高新区\tnickname\tcontext\t\tx`, parks)).toThrow(/context words/u);
    expect(() => parseAliases(`${header}\n光谷\t东湖高新区\tnickname\talways\t\t`, parks)).toThrow(/where it comes from/u);
    expect(() => parseAliases(`${header}\n佛山高新区\t佛山高新区\tnickname\talways\t\tx`, parks)).toThrow(/already a gazetteer name/u);
  });
});

describe('an alias that always counts', () => {
  it.each([
    ['中国光谷已集聚光通信企业数百家。', '东湖高新区'],
    ['麓谷多家企业签下海外订单。', '长沙高新区'],
    ['1985年，深圳科技工业园奠基。', '深圳高新区'],
    ['无锡新区建设三十年。', '无锡高新区'],
    ['上海张江科学城引进研发中心。', '张江高新区'],
    ['高新区（滨江）研发投入居前列。', '杭州高新区'],
    ['襄樊高新区成立于1992年。', '襄阳高新区'],
    ['泰州的中国医药城集聚药企。', '泰州医药高新区'],
  ])('%s', (text, zone) => {
    expect(named(text)).toEqual([zone]);
  });
});

describe('an alias that counts only beside its context', () => {
  it.each([
    ['武汉光谷发布新规划。', ['东湖高新区']],
    ['光谷生物城新增企业。', ['东湖高新区']],
    ['长春光谷正乘势而起。', []],
    ['该公司推出光谷激光器。', []],
    ['杭州滨江企业数量倍增。', ['杭州高新区']],
    ['市民沿滨江步道晨练。', []],
    ['南京滨江新城启动建设。', []],
    ['上海张江药谷再添新药。', ['张江高新区']],
    ['记者张江报道：园区服务窗口延长了办事时间。', []],
    ['长春净月片区有新项目。', ['长春净月高新区']],
    ['惠州仲恺园区新签项目。', ['惠州仲恺高新区']],
    ['仲恺农业工程学院举行毕业典礼。', []],
  ])('%s', (text, zones) => {
    expect(named(text)).toEqual(zones);
  });
});

describe('every context alias of the table', () => {
  const contextual = loadAliases(parks).flatMap((alias) => (alias.rule.kind === 'context' ? [{ ...alias, words: alias.rule.words }] : []));

  it.each(contextual.map((alias) => [alias.alias, alias] as const))('%s counts beside each of its context words and without them does not', (_name, alias) => {
    for (const word of alias.words) expect(named(`据悉，${word}${alias.alias}今年引进了研发机构。`), word).toEqual([alias.park]);
    expect(named(`据悉，她在${alias.alias}今年引进了研发机构。`)).toEqual([]);
  });
});

describe('a decoy phrase', () => {
  it.each(['武汉光谷科创大走廊串联沿线城市。', '长春净月潭国家森林公园迎来滑雪高峰。', '净月街道社区开展志愿服务。', '上海张江张家口高新技术产业园已形成集群。', '松山湖科学城联动发展。'])('%s names no zone', (text) => {
    expect(named(text)).toEqual([]);
  });

  it('still lets the zone beside it count', () => {
    expect(named('黄石大冶湖高新区是武汉光谷科创大走廊的节点园区。')).toEqual(['黄石大冶湖高新区']);
  });
});
