const INTENT = ['pointerenter', 'focusin', 'touchstart'] as const;

/**
 * Svelte action for a control that needs a live query: the first pointer over, focus on or touch of
 * it calls `start` (which starts DuckDB-WASM and loads what the control will need), so that work
 * overlaps with the reader's choice (`use:liveIntent={() => state.prepare()}`). A reader who never
 * comes near a live control loads nothing.
 */
export function liveIntent(node: HTMLElement, start: () => void): { destroy: () => void } {
	prefetchWhenIdle();
	const remove = () => INTENT.forEach((e) => node.removeEventListener(e, go));
	const go = () => {
		remove();
		start();
	};
	INTENT.forEach((e) => node.addEventListener(e, go, { passive: true }));
	return { destroy: remove };
}

let prefetching = false;

/**
 * When the browser is idle after the first paint and the connection is not metered (`saveData`),
 * fetches the code a live query needs (the engine's JavaScript, DuckDB-WASM's worker script, the
 * chart modules) into the HTTP cache, so intent has less to wait for. Not the WASM itself, by far the
 * largest file: that waits for intent, so a reader who only reads downloads nothing big.
 */
function prefetchWhenIdle(): void {
	if (prefetching) return;
	prefetching = true;
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
	if (connection?.saveData) return;
	const idle = (run: () => void) =>
		'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : setTimeout(run, 200);
	requestAnimationFrame(() =>
		idle(() => {
			void Promise.all([import('./wasm').then((m) => m.prefetchCode()), import('../charts/trend')]).catch(
				() => {}
			);
		})
	);
}
