import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.ts';

describe('translate', () => {
  it('fills placeholders', () => expect(translate('zh-CN', 'issue.label', { year: 2022, number: 20, cumulative: 549 })).toBe('2022年第20期 · 总第549期'));
  it('uses the singular form for a count of one', () => {
    expect(translate('en', 'issue.articleCount', { count: 1 })).toBe('1 article');
    expect(translate('en', 'issue.articleCount', { count: 11 })).toBe('11 articles');
    expect(translate('en', 'column.count', { count: 0 })).toBe('0 articles');
  });
  it('leaves unknown placeholders visible rather than empty', () => expect(translate('en', 'issue.articleCount')).toBe('{count} articles'));
});
