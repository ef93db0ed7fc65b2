import type { Catalog } from '../catalog/schema';
import { BBV_INDICATORS } from '../measures/bbv';
import type { ReportSource } from './parse';

type Goal = Catalog['goals'][number];

/** Directives about money: their year must have figures in the release. */
const MONEY = new Set(['baten-lasten', 'kredieten', 'bestedingsvoorstellen']);

/**
 * The catalogue doel a report directive names, from the catalogue of the report's begroting and
 * programme; or, when there is none, the Dutch reason (without file and line).
 */
export function reportGoal(options: {
	source: ReportSource;
	catalogs: readonly Catalog[];
	name: string;
}): Goal | string {
	const { source, catalogs, name } = options;
	const catalog = catalogs.find(
		(c) => c.budgetYear === source.budgetYear && c.programme.number === source.programme
	);
	if (!catalog)
		return `geen catalogus voor ${source.gemeente}, begroting ${source.budgetYear}, programma ${source.programme} in de map van de gemeente (begroting-${source.budgetYear}.yaml)`;
	return (
		catalog.goals.find((g) => g.name === name) ??
		`onbekend doel "${name}" in de catalogus; bekend: ${catalog.goals.map((g) => `"${g.name}"`).join(', ')}`
	);
}

/** The streefdoel and indicator ids a report of this gemeente may name: its catalogues' and the BBV's. */
function reportIds(catalogs: readonly Catalog[]): string[] {
	return [
		...catalogs.flatMap((c) => c.goals.flatMap((g) => g.streefdoelen.map((s) => s.id))),
		...BBV_INDICATORS.map((b) => b.id)
	];
}

/**
 * Every reference of a report that its gemeente's folder cannot satisfy, as `file regel N: reason`:
 * a doel or streefdoel missing from the catalogues, or money asked of a delivery without a ledger.
 * The build resolves the same references and refuses the same report (src/lib/server/report.ts).
 */
export function reportReferenceErrors(options: {
	source: ReportSource;
	catalogs: readonly Catalog[];
	/** false when the delivery has no baten-lasten export: no money directive can be resolved */
	hasLedger: boolean;
}): string[] {
	const { source, catalogs } = options;
	const ids = reportIds(catalogs);
	const errors: string[] = [];
	for (const b of source.blocks) {
		if (b.kind !== 'directive') continue;
		const at = `${source.file} regel ${b.line}: `;
		if (b.name === 'streefdoelen' || b.name === 'activiteiten') {
			const goal = reportGoal({ source, catalogs, name: b.params['doel']! });
			if (typeof goal === 'string') errors.push(at + goal);
		} else if (b.name === 'streefdoel' && !ids.includes(b.params['id']!)) {
			errors.push(`${at}onbekend streefdoel of indicator "${b.params['id']}"; bekend: ${ids.join(', ')}`);
		} else if (MONEY.has(b.name) && !options.hasLedger) {
			errors.push(
				`${at}::${b.name} vraagt financiële gegevens, maar de aanlevering heeft geen fin_baten_lasten; lever die aan of haal de verwijzing weg`
			);
		}
	}
	return errors;
}
