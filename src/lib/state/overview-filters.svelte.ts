import type { StatusKind } from '$lib/indicators/types';
import { STATUSES } from '$lib/indicators/status-counts';

/** The Overzicht's filters, kept in the URL (`?gemeente=&programma=&status=&jaar=`). Empty means all. */
export class OverviewFilters {
	gemeente = $state('');
	programme = $state('');
	status: StatusKind | '' = $state('');
	/** judge as of this year; null: the latest year with a realisatie */
	year: number | null = $state(null);

	/** Restores the filters from a URL; unknown values are kept out by the caller's options. */
	read(url: URL, allowed: { gemeenten: string[]; programmes: string[]; years: number[] }): void {
		const p = url.searchParams;
		const gemeente = p.get('gemeente') ?? '';
		const programme = p.get('programma') ?? '';
		const year = Number(p.get('jaar'));
		this.gemeente = allowed.gemeenten.includes(gemeente) ? gemeente : '';
		this.programme = allowed.programmes.includes(programme) ? programme : '';
		this.status = (STATUSES as readonly string[]).includes(p.get('status') ?? '')
			? (p.get('status') as StatusKind)
			: '';
		this.year = allowed.years.includes(year) ? year : null;
	}

	/** The query string for the current filters (only those that are set). */
	query(): string {
		const parts: [string, string][] = [];
		if (this.gemeente) parts.push(['gemeente', this.gemeente]);
		if (this.programme) parts.push(['programma', this.programme]);
		if (this.status) parts.push(['status', this.status]);
		if (this.year !== null) parts.push(['jaar', String(this.year)]);
		return parts.length ? `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
	}
}

export { STATUSES };
