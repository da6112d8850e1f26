import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { MIN_BYTES, chooseEncoding, compress, compressParts, isCompressible } from './compression';

const encoder = new TextEncoder();
const page = `<!doctype html><html lang="de"><body>${'<li class="card">Ökostrom – Jugendhaus</li>'.repeat(400)}</body></html>`;

function htmlResponse(body: string, headers: Record<string, string> = {}) {
	const bytes = encoder.encode(body);
	return new Response(bytes, {
		headers: {
			'content-type': 'text/html',
			'content-length': String(bytes.byteLength),
			...headers
		}
	});
}

/** A body whose parts arrive one by one, each only when the test lets it. */
function parts() {
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
	return {
		body,
		send: (text: string) => controller.enqueue(encoder.encode(text)),
		close: () => controller.close()
	};
}

const gunzipPartial = (bytes: Uint8Array) =>
	zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('utf8');

describe('choosing an encoding', () => {
	it('takes brotli where accepted, else gzip, and honours q=0 and *', () => {
		expect(chooseEncoding(null)).toBeNull();
		expect(chooseEncoding('')).toBeNull();
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('GZIP;q=0.8, identity')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('gzip;q=0')).toBeNull();
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
		expect(chooseEncoding('x-gzip')).toBe('gzip');
	});

	it('compresses text, never event streams or images', () => {
		expect(isCompressible('text/html; charset=utf-8')).toBe(true);
		expect(isCompressible('application/json')).toBe(true);
		expect(isCompressible('text/csv')).toBe(true);
		expect(isCompressible('text/event-stream')).toBe(false);
		expect(isCompressible('image/png')).toBe(false);
		expect(isCompressible(null)).toBe(false);
	});
});

describe('compressing an answer', () => {
	it('gzips a page to a fraction, with its length, Vary and its own ETag', async () => {
		const plain = htmlResponse(page, { etag: '"abc"', vary: 'Cookie' });
		const res = await compress(plain, 'gzip');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
		expect(res.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(res.headers.get('etag')).toBe('"abc-gzip"');
		expect(bytes.byteLength).toBeLessThan(encoder.encode(page).byteLength / 5);
		expect(zlib.gunzipSync(bytes).toString('utf8')).toBe(page);
	});

	it('answers with brotli when the client prefers it', async () => {
		const res = await compress(htmlResponse(page), 'br, gzip');
		expect(res.headers.get('content-encoding')).toBe('br');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect(zlib.brotliDecompressSync(bytes).toString('utf8')).toBe(page);
	});

	it('sends small answers and answers to clients without gzip as they are, saying they vary', async () => {
		const small = await compress(htmlResponse('<p>kurz</p>'), 'gzip');
		expect(MIN_BYTES).toBeGreaterThan('<p>kurz</p>'.length);
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(small.headers.get('vary')).toBe('Accept-Encoding');
		expect(await small.text()).toBe('<p>kurz</p>');

		const plain = await compress(htmlResponse(page), null);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(await plain.text()).toBe(page);
	});

	it('leaves answers alone that are encoded, not text, or say no-transform', async () => {
		for (const res of [
			htmlResponse(page, { 'content-encoding': 'gzip' }),
			htmlResponse(page, { 'content-type': 'image/png' }),
			htmlResponse(page, { 'cache-control': 'no-transform' }),
			new Response(null, { status: 204 })
		]) {
			expect(await compress(res, 'gzip')).toBe(res);
		}
	});

	it('skips the work when the client already holds the compressed page', async () => {
		const res = await compress(htmlResponse(page, { etag: '"abc"' }), 'gzip', '"abc-gzip"');
		expect(res.headers.get('etag')).toBe('"abc-gzip"');
		expect(res.body).toBeNull();
	});

	it('keeps a streamed page streamed: each part leaves compressed as soon as it is there', async () => {
		const source = parts();
		const res = await compress(
			new Response(source.body, { headers: { 'content-type': 'text/html' } }),
			'gzip'
		);
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('content-length')).toBeNull();
		const reader = res.body!.getReader();
		let received = new Uint8Array();
		const readMore = async () => {
			const { value } = await reader.read();
			received = new Uint8Array([...received, ...value!]);
		};

		source.send('<html><body>erster Teil');
		await readMore();
		expect(gunzipPartial(received)).toBe('<html><body>erster Teil');

		source.send(' – zweiter Teil</body></html>');
		await readMore();
		expect(gunzipPartial(received)).toBe('<html><body>erster Teil – zweiter Teil</body></html>');

		source.close();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			received = new Uint8Array([...received, ...value]);
		}
		expect(zlib.gunzipSync(received).toString('utf8')).toBe(
			'<html><body>erster Teil – zweiter Teil</body></html>'
		);
	});

	it('lets a client leave in the middle of a streamed page without harm', async () => {
		const compressor = compressParts('gzip');
		const writer = compressor.writable.getWriter();
		const reader = compressor.readable.getReader();
		// A part is being compressed when the client goes away: passing it on must fail the
		// stream (the write settles), not throw where nothing catches it.
		const written = writer.write(encoder.encode('<html><body>erster Teil'));
		await reader.cancel();
		await expect(written).rejects.toThrow();
	});
});

describe('live event streams', () => {
	it('are left alone: the same response, uncompressed, each event readable at once', async () => {
		const source = parts();
		const stream = new Response(source.body, {
			headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }
		});
		const res = await compress(stream, 'gzip, deflate, br');
		expect(res).toBe(stream);
		expect(res.headers.get('content-encoding')).toBeNull();

		const reader = res.body!.getReader();
		const event = 'data: {"type":"moved","actionId":7,"version":3}\n\n';
		source.send(event);
		const { value } = await reader.read();
		expect(new TextDecoder().decode(value)).toBe(event);
		await reader.cancel();
	});
});
