import type { StatusKind } from './types';

/** Every status, in the order pages and reports count them. */
export const STATUSES = [
	'behaald',
	'op koers',
	'achter op koers',
	'niet behaald',
	'onbekend',
	'geen norm'
] as const satisfies readonly StatusKind[];

/** How many streefdoelen have each status: every status listed (zeros too), adding up to the total. */
export interface StatusCounts {
	counts: { status: StatusKind; n: number }[];
	total: number;
	/** one Dutch sentence: "24 streefdoelen: 10 behaald, 0 op koers, …, 1 onbekend, 1 geen norm" */
	text: string;
}

/**
 * Counts statuses so that the parts add up to the whole: a streefdoel without a measurement is
 * passed in as onbekend by the caller, never left out.
 */
export function countStatuses(options: { statuses: readonly StatusKind[] }): StatusCounts {
	const counts = STATUSES.map((status) => ({
		status,
		n: options.statuses.filter((s) => s === status).length
	}));
	const total = options.statuses.length;
	const parts = counts.map((c) => `${c.n} ${c.status}`).join(', ');
	return { counts, total, text: `${total} ${total === 1 ? 'streefdoel' : 'streefdoelen'}: ${parts}` };
}
