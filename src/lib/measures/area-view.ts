import type { ExportTable } from '../export/table';
import type { Unit } from '../format';
import type { AreaFigure } from './area-rate';
import type { AreaLevel } from '../gemeente/types';

/**
 * A breakdown per wijk or buurt as the page shows it, in one object: the level and year, the unit the
 * areas are compared in, the areas, the gemeente as reference, and both charts. The page swaps it whole
 * when a new choice is loaded, so caption, table, map, reference line and downloads never disagree.
 */
export interface BreakdownView {
	level: AreaLevel;
	year: number;
	/** the unit of `value` (a rate's for counts) and it in words for headers; null: the indicator's own */
	unit: Unit;
	unitText: string | null;
	/** whether `count` is shown beside the value (counts compared as rates, BBV numerators) */
	counts: boolean;
	areas: AreaFigure[];
	reference: AreaFigure | null;
	bars: string;
	map: string | null;
}

/** Why an area has no value: its count is suppressed, or its population is (a rate needs both). */
export function missingReason(area: AreaFigure): string {
	if (area.value !== null) return '';
	return area.count !== null ? 'geen inwonertal (onderdrukt)' : 'onderdrukt';
}

/** The header of the compared value: the indicator's title with its unit when that is not its own. */
function valueHeader(options: { title: string; view: Pick<BreakdownView, 'unitText'> }): string {
	return options.view.unitText ? `${options.title}, ${options.view.unitText}` : options.title;
}

/** The breakdown as a download: exactly the rows shown, the value in its unit and the count beside. */
export function breakdownTable(options: {
	view: BreakdownView;
	title: string;
	gemeente: string;
}): ExportTable {
	const { view, title, gemeente } = options;
	const decimals = view.unit === 'aantal' ? 0 : 1;
	return {
		name: `Per ${view.level} ${view.year}`,
		columns: [
			{ key: 'code', label: 'CBS-code', kind: 'text' },
			{ key: 'naam', label: view.level === 'wijk' ? 'Wijk' : 'Buurt', kind: 'text' },
			{ key: 'waarde', label: valueHeader({ title, view }), kind: 'decimal', decimals },
			...(view.counts ? [{ key: 'aantal', label: 'Aantal', kind: 'integer' as const }] : []),
			{ key: 'opmerking', label: 'Opmerking', kind: 'text' },
			// Files of several years sit side by side once downloaded: each row says its year.
			{ key: 'jaar', label: 'Jaar', kind: 'integer' }
		],
		rows: [
			...view.areas.map((a) => ({
				code: a.code,
				naam: a.name,
				waarde: a.value,
				aantal: a.count,
				opmerking: missingReason(a),
				jaar: view.year
			})),
			...(view.reference
				? [
						{
							code: view.reference.code,
							naam: `${gemeente} (hele gemeente)`,
							waarde: view.reference.value,
							aantal: view.reference.count,
							opmerking: missingReason(view.reference),
							jaar: view.year
						}
					]
				: [])
		]
	};
}
