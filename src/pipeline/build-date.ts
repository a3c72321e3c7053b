/** 9999-12-31T23:59:59Z: a later day has no YYYY-MM-DD form. */
const LAST_SECOND_OF_9999 = 253_402_300_799;

/**
 * The day a build is made, which citations give as the access date:
 * today in UTC, or the day of `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds.org convention), so that two builds of the same seeds
 * are byte for byte the same.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now.toISOString().slice(0, 10);
  if (!/^\d{1,12}$/u.test(epoch) || Number(epoch) > LAST_SECOND_OF_9999) {
    throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to the end of 9999, got \`${epoch}\``);
  }
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}
