import { formatBibtex } from './bibtex.ts';
import type { CitableArticle } from './citation.ts';
import { formatCslJson } from './csl-json.ts';
import { formatRis } from './ris.ts';

/** The citation downloads beside every article page: the file, its label, its media type and the function that writes it. */
export const CITATION_FORMATS = [
  { file: 'citation.bib', label: 'BibTeX', type: 'application/x-bibtex', format: formatBibtex },
  { file: 'citation.ris', label: 'RIS', type: 'application/x-research-info-systems', format: formatRis },
  { file: 'citation.json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json', format: formatCslJson },
] as const satisfies readonly { file: string; label: string; type: string; format: (article: CitableArticle) => string }[];
