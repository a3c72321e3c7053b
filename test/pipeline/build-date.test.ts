import { describe, expect, it } from 'vitest';
import { buildDate } from '../../src/pipeline/build-date.ts';

describe('the build date', () => {
  const now = new Date('2026-12-01T23:30:00Z');

  it('is today in UTC', () => {
    expect(buildDate({}, now)).toBe('2026-12-01');
    expect(buildDate({ SOURCE_DATE_EPOCH: '' }, now)).toBe('2026-12-01');
  });

  it('is the day of SOURCE_DATE_EPOCH when it is set', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1669766400' }, now)).toBe('2022-11-30');
    expect(buildDate({ SOURCE_DATE_EPOCH: '0' }, now)).toBe('1970-01-01');
    expect(buildDate({ SOURCE_DATE_EPOCH: '253402300799' }, now)).toBe('9999-12-31');
  });

  it.each(['-1', '1.5', 'yesterday', '1e9', '253402300800', '9999999999999'])('refuses SOURCE_DATE_EPOCH=%s', (epoch) => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: epoch }, now)).toThrow(/SOURCE_DATE_EPOCH must be a whole number of seconds/u);
  });
});
