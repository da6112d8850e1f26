import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
	it('keeps paths on this site with their query and fragment', () => {
		expect(safeRedirectTarget('/boards/1?show=all#cell')).toBe('/boards/1?show=all#cell');
		expect(safeRedirectTarget('/')).toBe('/');
	});

	it.each([
		'//evil.example',
		'/\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r/evil.example',
		'\t//evil.example',
		'/%09/evil.example'.replace('%09', '\t'),
		'https://evil.example/',
		'/..//evil.example',
		'/.//evil.example',
		'/a/..//evil.example',
		'/%2e%2e//evil.example',
		'/.%2e//evil.example',
		'/./\\evil.example',
		'/%5C%5Cevil.example'.replace(/%5C/g, '\\'),
		'javascript:alert(1)',
		'evil.example',
		'',
		'/'.padEnd(2001, 'a')
	])('refuses %j', (target) => {
		expect(safeRedirectTarget(target)).toBe('/');
	});

	it('never returns a character that is not allowed in a header', () => {
		for (const target of ['/a\u2028b', '/a\u0000b', '/ä ö?x=\u2029', '/a\u007fb']) {
			const result = safeRedirectTarget(target);
			expect(result.startsWith('/')).toBe(true);
			// eslint-disable-next-line no-control-regex
			expect(result).not.toMatch(/[\u0000-\u001f\u007f-\uffff]/);
		}
	});

	it('uses the fallback for what is not a string', () => {
		expect(safeRedirectTarget(null, '/x')).toBe('/x');
		expect(safeRedirectTarget(undefined, '')).toBe('');
		expect(safeRedirectTarget(['/a'])).toBe('/');
	});
});
