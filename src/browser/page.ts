// Progressive enhancement, loaded on article and whole-issue print pages (module script, runs after parsing):
// - Print buttons ([data-print], hidden in the markup) are shown and call window.print().
// - Copy buttons ([data-copy="<id>"], hidden in the markup) copy the text of element <id>
//   (the GB/T 7714 reference) and show their data-copied label for a moment; when the
//   clipboard is unavailable or refuses, the text is selected so the reader can copy it.
// - On paper, [data-print-date] shows the day of printing, and the running header
//   carries the text of [data-running-head] (see print.css, --print-running-head).
// - The references and citation downloads name the reader's day as the day of access
//   (citation-day.ts).
// Without JavaScript the buttons stay hidden and the page works as it is.
// Pages without any of these elements are left untouched.

import { oneLine } from '../cite/citation.ts';
import { isoDate } from '../text/iso-date.ts';
import { citeOnReadersDay } from './citation-day.ts';

const COPIED_MS = 2000;

/** Today as YYYY-MM-DD in the reader's time zone (toISOString would give the UTC day). */
function localToday(): string {
  const now = new Date();
  return isoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }) ?? '';
}

/** A CSS string literal for `text`. */
function cssString(text: string): string {
  return `"${oneLine(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function enablePrintButtons(): void {
  if (typeof window.print !== 'function') return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}

/** Selects the contents of `node` so the reader can copy it by hand. */
function selectText(node: Node): boolean {
  const selection = window.getSelection?.();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** Legacy copy of the current selection; true when the browser says it copied. */
function copySelection(): boolean {
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

async function copyText(target: HTMLElement): Promise<boolean> {
  const text = oneLine(target.textContent ?? '');
  try {
    if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Insecure context, denied permission or no Clipboard API: select the text instead,
    // and try the legacy copy command on that selection.
    return selectText(target) && copySelection();
  }
}

function enableCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const id = button.dataset.copy;
    const target = id ? document.getElementById(id) : null;
    if (!target) continue;
    const label = button.textContent;
    const copied = button.dataset.copied || label;
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const ok = await copyText(target);
      if (!ok) return; // the text is selected; the reader copies it
      button.textContent = copied;
      clearTimeout(timer);
      timer = setTimeout(() => {
        button.textContent = label;
      }, COPIED_MS);
    });
  }
}

function setRunningHead(): void {
  const source = document.querySelector('[data-running-head]');
  const text = source ? oneLine(source.getAttribute('data-running-head') ?? '') : '';
  if (text) document.documentElement.style.setProperty('--print-running-head', cssString(text));
}

function setPrintDate(): void {
  const today = localToday();
  for (const node of document.querySelectorAll('[data-print-date]')) node.textContent = today;
}

citeOnReadersDay(document, localToday());
enablePrintButtons();
enableCopyButtons();
setRunningHead();
// On paper, the retrieval date is the day of printing.
window.addEventListener('beforeprint', setPrintDate);
