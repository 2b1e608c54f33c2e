// Draws the README's pictures of the HTML report in headless Chromium: the top of the
// page (cards, coverage, dates, buckets), the first bank's question map (its first rows)
// and its prep sheets.  usage: node report-screenshot.js REPORT.html TOP.png MAP.png SHEETS.png
'use strict';
const { launch } = require('./chromium');

(async () => {
  const [file, top, map, sheets] = process.argv.slice(2);
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto('file://' + file);
  await page.screenshot({ path: top, clip: { x: 0, y: 0, width: 1100, height: 1750 } });
  // From a section's heading to the end of its content, at most `max` pixels tall.
  const clip = async (title, selector, max) => {
    const box = await page.evaluate(([t, sel]) => {
      const bank = document.querySelector('section.bank');
      const h = [...bank.querySelectorAll('h3')].find((e) => e.textContent === t);
      const a = h.getBoundingClientRect(), b = bank.querySelector(sel).getBoundingClientRect();
      return { y: a.top + window.scrollY - 12, height: b.bottom - a.top + 24 };
    }, [title, selector]);
    return { x: 0, y: box.y, width: 1100, height: Math.min(box.height, max) };
  };
  await page.screenshot({ path: map, fullPage: true, clip: await clip('Question map', 'table.qmap', 1100) });
  await page.screenshot({ path: sheets, fullPage: true, clip: await clip('Prep sheets', '.sheets', 1600) });
  await browser.close();
})().catch((e) => { console.log('error: ' + e.message); process.exit(1); });
