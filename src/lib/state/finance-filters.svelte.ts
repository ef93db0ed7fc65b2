import { PHASES, type Phase } from '$lib/finance/types';
import type { SignConvention } from '$lib/finance/statement';

const CONVENTIONS: SignConvention[] = ['netto-lasten', 'baten-min-lasten'];

/** The financial page's choices (phase, sign convention), kept in the URL so a view can be shared. */
export class FinanceFilters {
	phase: Phase = $state('primitieve begroting');
	convention: SignConvention = $state('netto-lasten');

	constructor(defaults: { convention: SignConvention }) {
		this.convention = defaults.convention;
	}

	/** Restores the choices from a URL (`?fase=…&teken=…`); unknown values are ignored. */
	read(url: URL): void {
		const fase = url.searchParams.get('fase');
		const teken = url.searchParams.get('teken');
		if (fase && (PHASES as readonly string[]).includes(fase)) this.phase = fase as Phase;
		if (teken && (CONVENTIONS as string[]).includes(teken)) this.convention = teken as SignConvention;
	}

	/** The URL with the choices written into its query (other parameters kept). */
	write(url: URL): string {
		const kept = [...url.searchParams].filter(([k]) => k !== 'fase' && k !== 'teken');
		const query = [...kept, ['fase', this.phase], ['teken', this.convention]]
			.map(([k, v]) => `${encodeURIComponent(k!)}=${encodeURIComponent(v!)}`)
			.join('&');
		return `${url.pathname}?${query}`;
	}
}
