// Opens the HTML report in headless Chromium and prints, as one JSON object, what a reader
// sees of the first bank's question map and prep sheets: the rendered text (innerText, so
// hidden or collapsed text does not count), the columns the prep-sheet grid uses at that
// width, whether every card and map row is inside the page, and where the map's story
// links lead.
// usage: node report-prep.js FILE.html WIDTH
'use strict';
const { launch } = require('./chromium');

(async () => {
  const [file, width] = [process.argv[2], Number(process.argv[3] || 1200)];
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto('file://' + file);
  const seen = await page.evaluate((w) => {
    const bank = document.querySelector('section.bank');
    const heading = (t) => [...bank.querySelectorAll('h3')].find((h) => h.textContent === t);
    const map = bank.querySelector('table.qmap');
    const rows = [...map.querySelectorAll('tr')].slice(1);
    const cards = [...bank.querySelectorAll('.sheets .sheet')];
    const inside = (el) => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.right <= w + 0.5; };
    const links = [...map.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    return {
      headings: [heading('Question map'), heading('Prep sheets')].map((h) => (h ? h.textContent : null)),
      answered: bank.querySelector('h3 + p.sub').innerText,
      leaned: [...bank.querySelectorAll('.lean')].map((e) => e.innerText),
      rows: rows.length,
      unanswered: rows.filter((r) => r.querySelector('td.miss')).map((r) => r.cells[1].innerText),
      first_row: rows[0].innerText.split('\t').slice(0, 3),
      links_resolve: links.every((h) => document.getElementById(h.slice(1)) !== null),
      cards: cards.length,
      columns: getComputedStyle(bank.querySelector('.sheets')).gridTemplateColumns.split(' ').length,
      cards_inside: cards.every(inside),
      card_lines: cards.map((c) => c.innerText.split('\n').filter((l) => l.trim())),
    };
  }, width);
  await browser.close();
  console.log(JSON.stringify(seen));
})().catch((e) => { console.log('error: ' + e.message); process.exit(1); });
