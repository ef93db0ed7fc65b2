const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An ISO date (`jjjj-mm-dd`) as a day number, so dates are compared as dates, not as text: a date in
 * another notation ("31-01-2025") is NaN, never silently earlier or later. A date that does not exist
 * (2025-02-30) is NaN too.
 */
export function isoDay(text: string): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return NaN;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return NaN;
	return date.getTime() / DAY_MS;
}

/** Whether ISO date `a` is on or before ISO date `b`; false when either is not a date. */
export function onOrBefore(a: string, b: string): boolean {
	return isoDay(a) <= isoDay(b);
}

/** The latest of some ISO dates (compared as dates), or null when there is none. */
export function latestDate(dates: readonly (string | null)[]): string | null {
	let latest: string | null = null;
	for (const d of dates) if (d !== null && (latest === null || isoDay(d) > isoDay(latest))) latest = d;
	return latest;
}
