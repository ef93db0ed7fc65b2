/**
 * Writes the view's state into the address bar without a navigation. SvelteKit's own `replaceState`
 * sets its page again, and its route announcer then reads the page title aloud (assertive) over the
 * view's polite status message on every filter change (WCAG 4.1.3); the announcer cannot be turned
 * off (https://github.com/sveltejs/kit/issues/879). The history entry keeps SvelteKit's own state
 * object, so back, forward and reload behave as before.
 */
export function replaceUrl(url: string | URL): void {
	history.replaceState(history.state, '', url);
}

/** Sets (or, with null or '', removes) query parameters of the current URL and keeps the others. */
export function replaceParams(updates: Record<string, string | null>): void {
	const url = new URL(window.location.href);
	for (const [key, value] of Object.entries(updates))
		if (value) url.searchParams.set(key, value);
		else url.searchParams.delete(key);
	replaceUrl(`${url.pathname}${url.search}`);
}
