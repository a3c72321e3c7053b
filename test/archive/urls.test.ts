/** An absolute URL is what URL resolution gives, whichever way it is made. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolute } from '../../src/archive/urls.ts';

const resolved = (base: string, path: string) => new URL(path.replace(/^\//u, ''), base).href;

describe('absolute', () => {
  it.each(['/', '/issues/549/', '/issues/549/fo-shan-gao-xin-qu/', '/en/parks/x/feed.xml', '/a/../b/', '/./x', '/x/..', '/é/', '/a b/', '/a//b/', '/.well-known/x'])('%s', (path) => {
    for (const base of ['http://localhost:8080/', 'https://example.org/archive/']) expect(absolute(base, path)).toBe(resolved(base, path));
  });

  it('agrees with URL resolution on any path of the site\'s characters and dots', () => {
    const path = fc.array(fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', '.', '_', '~', '/', '%', 'é'), maxLength: 6 }), { maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    const outcome = (make: () => string) => {
      try {
        return make();
      } catch (error) {
        return `throws ${(error as Error).name}`;
      }
    };
    const base = 'https://example.org/archive/';
    fc.assert(fc.property(path, (p) => outcome(() => absolute(base, p)) === outcome(() => resolved(base, p))), { numRuns: 2000 });
  });
});
