/**
 * Keeps a scroll region in the tab order only while its content is wider than the region: a page
 * with two dozen tables that fit should not cost a keyboard user two dozen extra stops. The
 * prerendered page (and a reader without JavaScript) keeps every region focusable.
 */
export function focusableWhenScrolling(region: HTMLElement): () => void {
	const update = () => {
		if (region.scrollWidth > region.clientWidth + 1) region.setAttribute('tabindex', '0');
		else region.removeAttribute('tabindex');
	};
	const resized = new ResizeObserver(update);
	const watchChildren = () => {
		resized.disconnect();
		resized.observe(region);
		for (const child of Array.from(region.children)) resized.observe(child);
		update();
	};
	// New rows or a redrawn chart change the content's width without resizing the region.
	const changed = new MutationObserver(watchChildren);
	changed.observe(region, { childList: true, subtree: true });
	watchChildren();
	return () => {
		resized.disconnect();
		changed.disconnect();
	};
}
