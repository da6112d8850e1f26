/** A positive whole number written in plain digits ("12"), or null — never "0x1", "1e0" or " 1". */
export function parseId(value: string | undefined): number | null {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
	const id = Number(value);
	return Number.isSafeInteger(id) ? id : null;
}
