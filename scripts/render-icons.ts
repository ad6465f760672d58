/**
 * Renders extension/icon-source/icon.svg to the PNG sizes the stores and browsers ask for
 * (extension/public/icon/<size>.png, which WXT copies into the build). Run after changing the
 * SVG: `npx tsx scripts/render-icons.ts` (needs Debian's chromium). The PNGs are committed, so a
 * build never needs a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 128] as const;

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'extension/icon-source/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(root, `extension/public/icon/${size}.png`), png);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Icons written: ${ICON_SIZES.join(', ')} px`);
