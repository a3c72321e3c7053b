/**
 * The OpenCC dictionaries that fold a query in traditional or variant
 * characters (Taiwan, Hong Kong and Macao usage) to the simplified script the
 * bulletin is printed in: variants first (phrases before characters), then
 * traditional to simplified (phrases before characters: 著名 stays, 著力
 * becomes 着力). The search page loads them in a chunk of their own, only for
 * a query that holds a character they change (see simplify-needed.ts).
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';

/** Each group is applied in turn; within a group, the longest match of any dictionary wins. */
export const SIMPLIFY_CHAIN = [
  { phrases: [TWVariantsRevPhrases, HKVariantsRevPhrases], characters: [TWVariantsRev, HKVariantsRev] },
  { phrases: [TSPhrases], characters: [TSCharacters] },
] as const;
