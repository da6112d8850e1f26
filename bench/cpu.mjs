// Who used the CPU while the bench measured: the server, the bench itself, and everyone else.
// Other work on the machine (tests, builds) slows the server down; the bench reports it so a
// noisy run can be recognised and repeated.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function machineBusy() {
	const fields = readFileSync('/proc/stat', 'utf8')
		.split('\n')[0]
		.trim()
		.split(/\s+/)
		.slice(1)
		.map(Number);
	const [user, nice, system, , , irq, softirq, steal] = fields;
	return user + nice + system + irq + softirq + (steal ?? 0);
}

function processBusy(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat
		.slice(stat.lastIndexOf(')') + 2)
		.split(' ')
		.map(Number);
	// utime, stime, cutime, cstime are fields 14–17 of the file, 12–15 after the command name.
	return fields[11] + fields[12] + fields[13] + fields[14];
}

/** Starts counting; `stop()` returns the average cores used by the server, the bench and others. */
export function cpuWatch(serverPid) {
	const read = () => {
		try {
			return {
				at: performance.now(),
				all: machineBusy(),
				server: processBusy(serverPid),
				self: processBusy('self')
			};
		} catch {
			return null;
		}
	};
	const start = read();
	return {
		stop() {
			const end = read();
			if (!start || !end) return null;
			const seconds = (end.at - start.at) / 1000;
			const cores = (ticks) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
			const server = end.server - start.server;
			const self = end.self - start.self;
			return {
				server: cores(server),
				bench: cores(self),
				others: Math.max(0, cores(end.all - start.all - server - self))
			};
		}
	};
}
