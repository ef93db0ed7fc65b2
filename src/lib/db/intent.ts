const INTENT = ['pointerenter', 'focusin', 'touchstart'] as const;

/**
 * Svelte action for a control that needs a live query: the first pointer over, focus on or touch of
 * it calls `start` (which starts DuckDB-WASM and loads what the control will need), so that work
 * overlaps with the reader's choice (`use:liveIntent={() => state.prepare()}`). A reader who never
 * comes near a live control loads nothing.
 */
export function liveIntent(node: HTMLElement, start: () => void): { destroy: () => void } {
	const remove = () => INTENT.forEach((e) => node.removeEventListener(e, go));
	const go = () => {
		remove();
		start();
	};
	INTENT.forEach((e) => node.addEventListener(e, go, { passive: true }));
	return { destroy: remove };
}
