// Builds once before any worker starts: each worker's server would otherwise find a stale build
// and run `vite build` into the same folder at the same time as the others.
import { buildIfNeeded } from '../scripts/serve.js';

export default function globalSetup() {
	buildIfNeeded();
}
