/**
 * The converter itself, a chunk of its own (about 32 KB gzip): the search
 * page imports it only for a query that needs it (src/text/simplify-needed.ts).
 */
import { ConverterFactory } from 'opencc-js/core';
import { SIMPLIFY_CHAIN } from '../../text/simplify-dictionaries.ts';

/** 江門高新區 → 江门高新区; 著名 stays 著名, 著力 becomes 着力. */
export const toSimplified: (text: string) => string = ConverterFactory(...SIMPLIFY_CHAIN.map((group) => [...group.phrases, ...group.characters]));
