import { expect, signInByRequest, signInWithForm, test, type Account } from './fixtures';
import type { Page } from '@playwright/test';

async function changePassword(page: Page, current: string, next: string) {
	await page.getByLabel('Aktuelles Passwort').fill(current);
	await page.getByLabel('Neues Passwort').fill(next);
	await page.getByLabel('Passwort wiederholen').fill(next);
	await page.getByRole('button', { name: 'Passwort ändern' }).click();
}

test.describe('my account', () => {
	let person: Account;

	test.beforeEach(async ({ page, createUser }) => {
		person = await createUser({ label: 'settings' });
		await signInByRequest(page.request, person);
		await page.goto('/settings');
		await expect(page.getByRole('heading', { name: 'Mein Konto', level: 1 })).toBeVisible();
	});

	test('changing the password signs out every other session', async ({ page, openSignedIn }) => {
		const otherDevice = await openSignedIn(person);
		await otherDevice.goto('/settings');
		await expect(otherDevice).toHaveURL('/settings');

		const newPassword = 'ganz-neues-passwort';
		await changePassword(page, person.password, newPassword);
		await expect(page.getByRole('status')).toHaveText(
			'Ihr Passwort ist geändert. Auf anderen Geräten sind Sie jetzt abgemeldet.'
		);

		// This session goes on …
		await page.reload();
		await expect(page).toHaveURL('/settings');
		// … the other one is over, and only the new password opens it again.
		await otherDevice.goto('/settings');
		await expect(otherDevice).toHaveURL('/login?redirectTo=%2Fsettings');
		await signInWithForm(otherDevice, person);
		await expect(otherDevice.getByRole('alert')).toHaveText('E-Mail oder Passwort stimmt nicht.');
		await signInWithForm(otherDevice, { email: person.email, password: newPassword });
		await expect(otherDevice).toHaveURL('/settings');
	});

	test('a wrong current password changes nothing', async ({ page, openSignedIn }) => {
		await changePassword(page, 'nicht-das-passwort', 'ganz-neues-passwort');
		await expect(page.getByLabel('Aktuelles Passwort')).toHaveAccessibleDescription(
			'Das aktuelle Passwort stimmt nicht.'
		);
		await expect(page.getByRole('alert')).toHaveText('Bitte prüfen Sie die markierten Felder.');

		// The old password still works.
		const otherDevice = await openSignedIn(person);
		await otherDevice.goto('/settings');
		await expect(otherDevice).toHaveURL('/settings');
	});

	test('a new name is saved and shown in the header', async ({ page }) => {
		const newName = `${person.name} Neu`;
		await page.getByLabel('Name', { exact: true }).fill(newName);
		await page.getByRole('button', { name: 'Speichern', exact: true }).click();
		await expect(page.getByRole('status')).toHaveText('Gespeichert.');
		await expect(page.getByRole('banner').getByRole('link', { name: newName })).toBeVisible();
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue(newName);
	});
});
