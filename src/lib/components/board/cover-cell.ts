/**
 * Lets a cell's list of cards (the drag library's drop zone) cover the whole cell — its heading,
 * the empty space below the cards, the quick-add field — without moving anything on screen.
 *
 * The drag library finds the target zone by the zone element's rectangle, so the list is
 * stretched with padding and pulled back by the same negative margin: its box grows to the
 * cell's edges while every card and every sibling stays where it was. The sizes come from the
 * layout (heading height, row height), so they are measured and kept up to date; the stylesheet
 * applies them only while `data-covers-cell` is set, so the page without script is unchanged.
 */
export function coverCell(zone: HTMLElement) {
	const cell = zone.parentElement;
	if (!cell || typeof ResizeObserver === 'undefined') return;

	const measure = () => {
		const style = getComputedStyle(zone);
		const box = zone.getBoundingClientRect();
		const outer = cell.getBoundingClientRect();
		const innerTop = outer.top + cell.clientTop;
		const innerBottom = innerTop + cell.clientHeight;
		const contentTop = box.top + parseFloat(style.paddingTop);
		const contentBottom = box.bottom - parseFloat(style.paddingBottom);
		const top = Math.max(0, contentTop - innerTop);
		const bottom = Math.max(0, innerBottom - contentBottom);
		zone.style.setProperty('--cover-top', `${top}px`);
		zone.style.setProperty('--cover-bottom', `${bottom}px`);
		zone.setAttribute('data-covers-cell', '');
	};

	// The cell (row height, width), the list (its cards) and whatever sits above it.
	const observer = new ResizeObserver(measure);
	observer.observe(cell);
	observer.observe(zone);
	for (let el = zone.previousElementSibling; el; el = el.previousElementSibling) {
		observer.observe(el);
	}
	measure();
	return {
		destroy() {
			observer.disconnect();
			zone.removeAttribute('data-covers-cell');
		}
	};
}
