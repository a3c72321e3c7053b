import { needsSimplifying } from '../../text/simplify-needed.ts';

type Convert = (text: string) => string;

/**
 * Folds a query in traditional or variant characters to simplified. The
 * converter (a chunk of its own, about 32 KB gzip) is fetched only for a
 * query holding a character it may change; a failed load is tried again.
 */
export function simplifier(): (text: string) => Promise<string> {
  let loading: Promise<Convert> | null = null;
  return async (text) => {
    if (!needsSimplifying(text)) return text;
    loading ??= import('./to-simplified.ts').then((module) => module.toSimplified);
    loading.catch(() => (loading = null));
    return (await loading)(text);
  };
}
