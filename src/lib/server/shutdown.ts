/**
 * What must finish before the server process ends (an e-mail being handed to SMTP): the
 * process's stop (scripts/serve.js, on SIGTERM and SIGINT) runs these and waits for them. Kept
 * on a global symbol, because the built app and the script that serves it are separate modules.
 */
const KEY = Symbol.for('dreiklang.shutdown');

type Registry = Map<string, () => Promise<void> | void>;

function registry(): Registry {
	const holder = globalThis as { [KEY]?: Registry };
	return (holder[KEY] ??= new Map());
}

/** Registers `finish` under `name` (a second registration under the name replaces the first). */
export function onShutdown(name: string, finish: () => Promise<void> | void) {
	registry().set(name, finish);
}
