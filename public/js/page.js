// Progressive enhancement for article pages: a Print button and a citation copy button.
// Without JavaScript both stay hidden and the page works as it is.

for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

for (const button of document.querySelectorAll('[data-copy]')) {
  const target = document.getElementById(button.dataset.copy);
  if (!target || !navigator.clipboard) continue;
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(target.textContent.trim());
    button.textContent = button.dataset.copied;
    setTimeout(() => { button.textContent = label; }, 2000);
  });
}

// On paper, the retrieval date is the day of printing.
window.addEventListener('beforeprint', () => {
  const today = new Date().toISOString().slice(0, 10);
  for (const node of document.querySelectorAll('[data-print-date]')) node.textContent = today;
});
