/**
 * A citation names the day the reader consulted the article (GB/T 7714's
 * [引用日期], BibTeX `urldate`, RIS `Y2`, CSL `accessed`). The page was built
 * on another day: the reader's own day replaces it in the references shown
 * (and so in what the copy button copies) and in the downloads, written by
 * the same functions the build uses. Without JavaScript the build's day stays.
 */
import { CITATION_FORMATS, formatGbt7714, formatReferenceEn, type CitableArticle } from '../cite/index.ts';

export function citeOnReadersDay(doc: Document, today: string): void {
  const record = doc.getElementById('cite-record');
  if (!record?.textContent) return;
  const citable: CitableArticle = { ...(JSON.parse(record.textContent) as CitableArticle), accessed: today };
  for (const node of doc.querySelectorAll('[data-cite="gbt"]')) node.textContent = formatGbt7714(citable);
  for (const node of doc.querySelectorAll('[data-cite="reference"]')) node.textContent = formatReferenceEn(citable);
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-citation-file]')) {
    const format = CITATION_FORMATS.find((candidate) => candidate.file === link.dataset.citationFile);
    if (!format) continue;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const download = doc.createElement('a');
      download.href = URL.createObjectURL(new Blob([format.format(citable)], { type: format.type }));
      download.download = format.file;
      download.click();
      setTimeout(() => URL.revokeObjectURL(download.href), 60_000);
    });
  }
}
