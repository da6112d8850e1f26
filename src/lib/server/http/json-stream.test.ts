import { describe, expect, it } from 'vitest';
import { streamJsonList } from './json-stream';

describe('a JSON list written in parts', () => {
	it('is the same JSON as written at once, for no items, a few and many batches', async () => {
		for (const count of [0, 1, 3, 7, 450]) {
			const items = Array.from({ length: count }, (_, i) => ({ id: i, title: `Maßnahme „${i}“` }));
			const res = streamJsonList('{"board":{"id":1},"actions":[', items, ']}', 3);
			expect(res.headers.get('content-type')).toBe('application/json');
			const length = Number(res.headers.get('content-length'));
			const text = await res.text();
			expect(JSON.parse(text)).toEqual({ board: { id: 1 }, actions: items });
			expect(Buffer.byteLength(text)).toBe(length);
		}
	});
});
