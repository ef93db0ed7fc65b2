import type { CbsManifest } from '../db/manifest';

type CbsTableInfo = CbsManifest['tables'][number];

/** The periods of a CBS table in words: first and last, and their status ("status niet meegeleverd"). */
export function periodRange(periods: CbsTableInfo['periods']): string {
	if (periods.length === 0) return 'geen perioden';
	const first = periods[0]!.period;
	const last = periods.at(-1)!.period;
	const statuses = [...new Set(periods.map((p) => p.status))];
	const status =
		statuses.length === 1 && statuses[0] === 'onbekend'
			? 'status niet in het bestand (een download met titels laat de * van voorlopige cijfers weg)'
			: statuses.join(', ');
	return `perioden ${first} tot en met ${last}; ${status}`;
}

/** What a cut-off table holds and leaves out, in Dutch; '' for a table read whole. */
export function coverageText(coverage: CbsTableInfo['coverage']): string {
	if (!coverage) return '';
	const complete = coverage.categories.filter((c) => c.complete).map((c) => c.category || 'de hele tabel');
	const partial = coverage.categories.filter((c) => !c.complete).map((c) => c.category);
	const parts = [
		coverage.truncated
			? `Het bestand stopt na ${coverage.rows.toLocaleString('nl-NL')} rijen (één pagina van CBS): volledig zijn ${complete.join(', ') || 'geen categorieën'}${partial.length > 0 ? `; alleen het begin van ${partial.join(', ')}` : ''}; latere categorieën ontbreken.`
			: `Volledig (${coverage.rows.toLocaleString('nl-NL')} rijen).`,
		...coverage.skipped.map((s) => `Niet gelezen: ${s.rows.toLocaleString('nl-NL')} rijen (${s.reason}).`)
	];
	return parts.join(' ');
}
