/** A field's hint and error, as the ids its control names in `aria-describedby`. */
export function describedBy(
	id: string | null | undefined,
	hint?: string | null,
	error?: string | null
): string | undefined {
	return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}
