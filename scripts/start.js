// `npm start`: build if needed, apply pending migrations, serve.
import { buildIfNeeded, serve } from './serve.js';

buildIfNeeded();
await serve();
