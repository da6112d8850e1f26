import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { withHeaders } from './response-headers';

export type Encoding = 'br' | 'gzip';

/**
 * Answers smaller than this go out as they are: compressing them saves less than a packet and
 * costs a call into zlib.
 */
export const MIN_BYTES = 1024;

/**
 * Answers up to this size are compressed in one piece (on the thread pool, off the event loop);
 * larger ones and those of unknown length part by part as they are produced, so memory stays small.
 */
const WHOLE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Cheap settings: the board's HTML gets about 92 % smaller with either, for a few milliseconds of
 * one core per megabyte; higher levels cost two to three times as much for a few percent more.
 */
const GZIP: zlib.ZlibOptions = { level: 1 };
const brotli = (sizeHint: number): zlib.BrotliOptions => ({
	params: {
		[zlib.constants.BROTLI_PARAM_QUALITY]: 2,
		[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
		...(sizeHint > 0 && { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint })
	}
});

const gzip = promisify(zlib.gzip);
const brotliCompress = promisify(zlib.brotliCompress);

// Text the app sends from its routes. Never `text/event-stream`: an event must reach the browser
// the moment it is written, and a compressor holds bytes back until it has enough.
const COMPRESSIBLE =
	/^(?:text\/(?:html|plain|css|csv|calendar|javascript|xml|sveltekit-data)|application\/(?:json|javascript|xml|[\w.+-]+\+json|[\w.+-]+\+xml)|image\/svg\+xml)\b/i;

export function isCompressible(contentType: string | null): boolean {
	return contentType !== null && COMPRESSIBLE.test(contentType.trim());
}

/**
 * The encoding to answer with, from the request's `Accept-Encoding`: brotli where accepted,
 * else gzip, else none. A coding with `q=0` is refused; `*` stands for any not named.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const q = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		let weight = 1;
		for (const param of params) {
			const [key, value] = param.trim().split('=');
			if (key === 'q') weight = Number(value);
		}
		q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
	}
	const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip') || (q.get('x-gzip') ?? 0) > 0) return 'gzip';
	return null;
}

function addVary(headers: Headers) {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(vary))
		headers.set('vary', `${vary}, Accept-Encoding`);
}

/** A compressor that passes on everything it has after each part, so streamed pages stay streamed. */
export function compressParts(encoding: Encoding): TransformStream<Uint8Array, Uint8Array> {
	const zip = encoding === 'br' ? zlib.createBrotliCompress(brotli(0)) : zlib.createGzip(GZIP);
	const flushKind =
		encoding === 'br'
			? zlib.constants.BROTLI_OPERATION_FLUSH
			: (zlib.constants.Z_SYNC_FLUSH as number);
	let out: Buffer[] = [];
	zip.on('data', (b: Buffer) => out.push(b));
	// One part in, one part out. When the client has gone (the stream was cancelled), passing on
	// fails: the compressor is dropped and the stream ends with that error, never the process.
	const pass = (
		controller: TransformStreamDefaultController<Uint8Array>,
		resolve: () => void,
		reject: (err: unknown) => void
	) => {
		try {
			if (out.length) {
				const b = out.length === 1 ? out[0] : Buffer.concat(out);
				out = [];
				controller.enqueue(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
			}
			resolve();
		} catch (err) {
			zip.destroy();
			reject(err);
		}
	};
	return new TransformStream({
		transform: (chunk, controller) =>
			new Promise<void>((resolve, reject) => {
				zip.write(chunk, (err) => err && reject(err));
				// The flush's output is emitted by the time the next turn of the event loop comes.
				zip.flush(flushKind, () => setImmediate(() => pass(controller, resolve, reject)));
			}),
		flush: (controller) =>
			new Promise<void>((resolve, reject) => {
				zip.once('error', reject);
				zip.once('end', () => pass(controller, resolve, reject));
				zip.end();
			})
	});
}

/**
 * The response compressed for a client that sent `acceptEncoding`, or the response as it was:
 * no body, already encoded, a stream of events, not text, `no-transform`, or too small. Every
 * answer that could be compressed says `Vary: Accept-Encoding`, so caches keep the variants apart.
 */
export async function compress(
	response: Response,
	acceptEncoding: string | null,
	ifNoneMatch: string | null = null
): Promise<Response> {
	if (
		!response.body ||
		response.status === 204 ||
		response.status === 206 ||
		response.status === 304 ||
		response.headers.has('content-encoding') ||
		!isCompressible(response.headers.get('content-type')) ||
		/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')
	) {
		return response;
	}
	const lengthHeader = response.headers.get('content-length');
	const length = lengthHeader === null ? null : Number(lengthHeader);
	const encoding = chooseEncoding(acceptEncoding);
	if (!encoding || (length !== null && length < MIN_BYTES)) {
		// Most API answers (a move's) end here: say that they vary, without copying the answer.
		return withHeaders(response, addVary);
	}
	const headers = new Headers(response.headers);
	addVary(headers);
	const init = { status: response.status, statusText: response.statusText, headers };

	headers.set('content-encoding', encoding);
	// The compressed bytes are another representation: a strong ETag must differ from the plain one.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/') && response.status === 200) {
		const tagged = `${etag.slice(0, -1)}-${encoding}"`;
		headers.set('etag', tagged);
		// The client has these bytes: SvelteKit answers 304 after this hook, so don't compress.
		if (ifNoneMatch === tagged || ifNoneMatch === `W/${tagged}`) {
			headers.delete('content-length');
			return new Response(null, init);
		}
	}

	if (length !== null && length <= WHOLE_MAX_BYTES) {
		const plain = new Uint8Array(await response.arrayBuffer());
		const packed =
			encoding === 'br'
				? await brotliCompress(plain, brotli(plain.byteLength))
				: await gzip(plain, GZIP);
		headers.set('content-length', String(packed.byteLength));
		return new Response(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), init);
	}
	headers.delete('content-length');
	return new Response(response.body.pipeThrough(compressParts(encoding)), init);
}
