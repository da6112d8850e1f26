import { describe, expect, it } from 'vitest';
import { isAllowedHost } from './allowed-host';

describe('isAllowedHost', () => {
	it('serves every host when no public address is configured', () => {
		expect(isAllowedHost('attacker:3301', undefined)).toBe(true);
		expect(isAllowedHost(null, '')).toBe(true);
	});

	it('serves only the host of ORIGIN when it is set', () => {
		const origin = 'https://dreiklang.example.org';
		expect(isAllowedHost('dreiklang.example.org', origin)).toBe(true);
		expect(isAllowedHost('Dreiklang.Example.org', origin)).toBe(true);
		expect(isAllowedHost('dreiklang.example.org:443', origin)).toBe(true);
		expect(isAllowedHost('attacker:3301', origin)).toBe(false);
		expect(isAllowedHost('dreiklang.example.org:8443', origin)).toBe(false);
		expect(isAllowedHost('dreiklang.example.org.attacker.example', origin)).toBe(false);
		expect(isAllowedHost('dreiklang.example.org@attacker', origin)).toBe(false);
		expect(isAllowedHost('', origin)).toBe(false);
		expect(isAllowedHost(null, origin)).toBe(false);
	});

	it('compares ports as the origin has them', () => {
		expect(isAllowedHost('localhost:3000', 'http://localhost:3000')).toBe(true);
		expect(isAllowedHost('localhost', 'http://localhost:3000')).toBe(false);
	});
});
