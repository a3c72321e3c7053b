export type { CitableArticle } from './citation.ts';
export { formatGbt7714, formatReferenceEn } from './gbt7714.ts';
export { formatBibtex } from './bibtex.ts';
export { formatRis } from './ris.ts';
export { formatCslJson } from './csl-json.ts';
export { highwireTags, type MetaTag } from './highwire.ts';
export { CITATION_FORMATS } from './formats.ts';
