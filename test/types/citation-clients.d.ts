/**
 * The parts of the citation clients' APIs the tests use; the packages ship no
 * types. citation-js 0.8.2 (core and its BibTeX, RIS and CSL plugins) and
 * citeproc-js 2.4.63.
 */
declare module '@citation-js/core' {
  export interface CslItem {
    [variable: string]: unknown;
    id: string;
    type: string;
  }
  export class Cite {
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: CslItem[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): unknown;
    retrieveItem(id: string): unknown;
  }
  class Engine {
    constructor(sys: Sys, style: string | object, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [Record<string, unknown>, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
