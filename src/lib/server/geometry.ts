import type { AreaGeometry } from '../charts/breakdown';
import { currentDivision, divisionOutlines } from '../gemeente/division';
import type { AreaLevel, Gemeente } from '../gemeente/types';

const cache = new Map<string, Promise<AreaGeometry | null>>();

/**
 * The outlines of a gemeente's wijken or buurten (WGS84, simplified with shared edges kept, with
 * `properties.code` and `name`), from the division its figures are published on; null when its
 * folder has no outlines for that level. Read once per build.
 */
export function loadGeometry(options: {
	gemeente: Gemeente;
	level: AreaLevel;
}): Promise<AreaGeometry | null> {
	const { gemeente, level } = options;
	const division = currentDivision(gemeente);
	const key = `${gemeente.dir}|${division?.year}|${level}`;
	let found = cache.get(key);
	if (!found) {
		found = division
			? (divisionOutlines({ gemeente: gemeente.code, division, level }) as Promise<AreaGeometry | null>)
			: Promise.resolve(null);
		cache.set(key, found);
	}
	return found;
}
