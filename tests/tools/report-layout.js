// Opens the HTML report in headless Chromium at a phone's width and checks that it stays
// readable: the page itself never scrolls sideways, wide charts scroll inside their own
// box at full size (their text keeps its size), the bucket chart's labels stay inside it,
// and tables fit or scroll in theirs.
// usage: node report-layout.js FILE.html WIDTH   -> prints "ok" or what is wrong
'use strict';
const { launch } = require('./chromium');

(async () => {
  const [file, width] = [process.argv[2], Number(process.argv[3] || 420)];
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto('file://' + file);
  const problems = await page.evaluate((w) => {
    const out = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > w) out.push(`the page is ${doc.scrollWidth}px wide at ${w}px`);
    for (const svg of document.querySelectorAll('svg[aria-label="principle coverage"], svg[aria-label="story dates"]')) {
      const box = svg.parentElement;
      if (!box.classList.contains('scroll')) out.push(`${svg.getAttribute('aria-label')} is not in a scroll box`);
      const text = svg.querySelector('text');
      const h = text.getBoundingClientRect().height;
      if (h < 10) out.push(`${svg.getAttribute('aria-label')} text is ${h.toFixed(1)}px tall`);
    }
    // The bucket chart's labels end inside it (its target label once ran off the right edge).
    for (const svg of document.querySelectorAll('svg[aria-label="buckets"]')) {
      const r = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const b = t.getBoundingClientRect();
        if (b.width && (b.left < r.left - 0.5 || b.right > r.right + 0.5)) {
          out.push(`'${t.textContent}' runs off the ${svg.getAttribute('aria-label')} chart`);
        }
      }
    }
    for (const t of document.querySelectorAll('table')) {
      const box = t.parentElement;
      if (t.getBoundingClientRect().width > w && !box.classList.contains('scroll')) out.push('a table overflows the page');
    }
    return out;
  }, width);
  await browser.close();
  console.log(problems.length ? problems.join('\n') : 'ok');
})().catch((e) => { console.log('error: ' + e.message); process.exit(1); });
