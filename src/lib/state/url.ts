import { replaceState } from '$app/navigation';

/** Sets (or, with null or '', removes) query parameters of the current URL and keeps the others. */
export function replaceParams(updates: Record<string, string | null>): void {
	const url = new URL(window.location.href);
	for (const [key, value] of Object.entries(updates))
		if (value) url.searchParams.set(key, value);
		else url.searchParams.delete(key);
	replaceState(`${url.pathname}${url.search}`, {});
}
