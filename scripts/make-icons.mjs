// Draws the app's icons (PNG, for the web app manifest) from the logo, in Chromium.
// Run once after changing the logo: `node scripts/make-icons.mjs`; the PNGs are committed.
import { chromium } from 'playwright';
import { existsSync } from 'node:fs';

const logo = (inset) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" ${inset ? '' : 'rx="6"'} fill="#1f4d3a"/>
<g transform="${inset ? 'translate(5.6 5.6) scale(0.65)' : ''}">
<circle cx="10" cy="20" r="5" fill="#7fd6a4"/><circle cx="16" cy="11" r="5" fill="#f2c14e"/><circle cx="22" cy="20" r="5" fill="#f28fad"/></g></svg>`;

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const browser = await chromium.launch(executablePath ? { executablePath } : {});
const page = await browser.newPage();
for (const [name, size, maskable] of [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['icon-maskable-512.png', 512, true],
	['apple-touch-icon.png', 180, true]
]) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${logo(maskable)}`
	);
	await page.screenshot({ path: `static/${name}`, omitBackground: true });
}
await browser.close();
