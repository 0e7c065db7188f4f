// Regenerates docs/review.png, the README's picture of a review page:
// seed 002 (PDF text, 21 plans) with a flagged KPI selected.
//   npm run build && node scripts/review-screenshot.mjs
// Needs chromium (apt-get install -y chromium) and, for legible CJK, a CJK font (fonts-noto-cjk).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(path.join(tmpdir(), 'plan-parse-shot-'));
const seed = 'fixtures/seeds/002_518a493018a85667.txt';
const run = spawnSync(process.execPath, ['bin/plan-parse.js', 'review', seed, '-o', out, '-q'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const profile = mkdtempSync(path.join(tmpdir(), 'plan-parse-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pathToFileURL(path.join(out, `${path.basename(seed)}.html`)).href);
  await page.waitForSelector('body[data-ready="1"]');
  // The first KPI with a warning, shown within its own document.
  await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('review-data').textContent);
    const documentIndex = data.documents.findIndex((d) => d.kpis.some((k) => k.flags.length));
    const filter = document.getElementById('doc-filter');
    filter.value = String(documentIndex);
    filter.dispatchEvent(new Event('change'));
    document.querySelector('#docs details')?.removeAttribute('open');
  });
  await page.evaluate(() => window.review.showRecord(Number(document.querySelector('.rec.flagged').getAttribute('data-r'))));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const file = path.join(root, 'docs/review.png');
  await page.screenshot({ path: file });
  console.log(`${file}: ${Math.round(statSync(file).size / 1024)} KB`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
