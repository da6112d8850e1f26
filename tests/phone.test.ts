// Every page fits a 360 px wide phone: nothing scrolls sideways, whatever length people type.
import type { Page } from '@playwright/test';
import { demoAccount, expect, signInByRequest, test } from './fixtures';

const WIDTH = 360;

/**
 * How wide the document is, and — when it is too wide — the elements that stick out, so a
 * failure names the culprit.
 */
async function sideways(page: Page) {
	return page.evaluate((width) => {
		const scrollWidth = document.documentElement.scrollWidth;
		const culprits =
			scrollWidth <= width
				? []
				: [...document.querySelectorAll('body *')]
						.filter((el) => el.getBoundingClientRect().right > width + 0.5)
						.slice(0, 8)
						.map((el) => {
							const classes = [...el.classList].join('.');
							const right = Math.round(el.getBoundingClientRect().right);
							return `${el.tagName.toLowerCase()}${classes ? `.${classes}` : ''} → ${right}px`;
						});
		return { scrollWidth, culprits };
	}, WIDTH);
}

async function expectNoSidewaysScrolling(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const { scrollWidth, culprits } = await sideways(page);
	expect
		.soft(scrollWidth, `${path} is ${scrollWidth}px wide: ${culprits.join(', ')}`)
		.toBeLessThanOrEqual(WIDTH);
}

test.describe('on a 360 px wide phone', () => {
	test.use({ viewport: { width: WIDTH, height: 740 } });

	test('no page of a member scrolls sideways, not even an action with long unbroken words', async ({
		page,
		signInAs
	}) => {
		await signInAs('member');
		const word = 'Nachhaltigkeitsberichterstattungsverpflichtungsumsetzungsgesetz';
		const created = await page.request.post('/api/boards/1/actions', {
			data: {
				title: `${word}${word}`.slice(0, 120),
				description: `${word.repeat(6)}\n\n[${word}](https://example.org/${word.repeat(3)})\n\n\`${word.repeat(3)}\``,
				dimension: 'social',
				horizon: 'short',
				status: 'in_progress',
				dueDate: '2027-03-31'
			}
		});
		expect(created.status()).toBe(201);
		const action = (await created.json()) as { id: number };
		const note = await page.request.post(`/api/actions/${action.id}/progress`, {
			data: { note: `${word.repeat(8)} https://example.org/${word.repeat(4)}`, progress: 40 }
		});
		expect(note.status()).toBe(201);

		for (const path of [
			'/boards/1',
			`/actions/${action.id}`,
			'/roadmap',
			'/upcoming',
			'/settings'
		]) {
			await expectNoSidewaysScrolling(page, path);
		}
	});

	test('the people page does not scroll sideways for an admin', async ({ page }) => {
		await signInByRequest(page.request, demoAccount('admin'));
		await expectNoSidewaysScrolling(page, '/admin/users');
	});
});
