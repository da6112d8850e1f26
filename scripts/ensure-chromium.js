// End-to-end tests run in Debian's Chromium; install it with apt when it is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
	console.log('Chromium is missing; installing it from Debian packages …');
	const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
	execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
}
