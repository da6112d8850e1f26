import { z } from 'zod';

// C0 control characters, DEL, and U+FFFD — what bytes that were no UTF-8 were turned into; a
// text of several lines keeps its tabs and line breaks, a single line has no line breaks at all
// (U+2028 and U+2029 included).
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f\u2028\u2029\ufffd]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/**
 * Text people type, up to `max` characters, without control characters or broken Unicode (lone
 * surrogates, bytes that were not UTF-8): those show as nothing or as boxes, break calendar files and exports, and no
 * keyboard types them. `lines` allows tabs and line breaks (descriptions, notes). Both checks are
 * linear and run on at most the request body's size.
 */
export function typedText(max: number, { lines = false, min = 0 } = {}) {
	const control = lines ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
	return z
		.string()
		.trim()
		.min(min)
		.max(max)
		.refine((s) => s.isWellFormed() && !control.test(s), { message: 'control_characters' });
}

/** Text stored before control characters were refused, made safe for files like calendars. */
export function withoutControlCharacters(text: string): string {
	return text.replace(new RegExp(CONTROL_IN_LINE, 'g'), ' ').toWellFormed();
}
