/**
 * Titles are data: a column may be called `constructor` and an article
 * `__proto__`. Records keyed by titles (or by any key a seed provides) are
 * read and made only through these, so that no title ever reaches a member
 * of Object.prototype or sets an object's prototype.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A record of the entries, each key its own property whatever it is, `__proto__` included. */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of entries) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return record;
}
