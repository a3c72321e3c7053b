/** The search page's script: it starts itself when the page has a search form. */
import { initSearch } from './search/search-page.ts';

if (document.getElementById('search-form')) initSearch(document);
