/**
 * `node --import tsx scripts/icons/render-icons.ts`: renders the app's icons (scripts/icons/*.svg,
 * drawn for this project) into public/icons/ as the PNG sizes the web app manifest and iOS ask
 * for, with the system Chromium. Run again after changing a drawing; the PNGs are committed.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../../public/icons');
/** Drawing, output file, size in pixels. */
const RENDERS: Array<[string, string, number]> = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon-maskable.svg', 'apple-touch-icon.png', 180],
];

await mkdir(OUT, { recursive: true });
await copyFile(path.join(HERE, 'icon.svg'), path.join(OUT, 'icon.svg'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [drawing, file, size] of RENDERS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = await readFile(path.join(HERE, drawing), 'utf8');
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: path.join(OUT, file), omitBackground: true });
    await page.close();
    console.log(`public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
