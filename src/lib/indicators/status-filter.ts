import { STATUSES, type StatusCounts } from './status-counts';
import type { StatusKind } from './types';

/**
 * The status a programme overview is filtered on, from the URL's hash (`#status-op-koers`), with the
 * sentence a screen reader hears; null for any other hash (everything shown).
 */
export function statusFilter(options: {
	hash: string;
	counts: Pick<StatusCounts, 'counts'>;
}): { status: StatusKind; text: string } | null {
	const status = STATUSES.find((s) => options.hash === `#status-${s.replaceAll(' ', '-')}`);
	if (!status) return null;
	const n = options.counts.counts.find((c) => c.status === status)?.n ?? 0;
	const text =
		n === 0
			? `Geen streefdoelen met status ${status}.`
			: `${n} ${n === 1 ? 'streefdoel' : 'streefdoelen'} met status ${status} getoond.`;
	return { status, text };
}
