import type { Unit } from '../format';
import type { MeasureTable } from './tables';

/**
 * How areas of different size are compared. A count (persons, households, placements) says more about
 * the size of a wijk than about its need, so areas are compared as a rate over the population the
 * count is drawn from; a score, a percentage or a BBV ratio is comparable as it is.
 */
export type AreaBasis =
	| {
			kind: 'rate';
			/** the rate is per this many of the population */
			per: number;
			/** the unit of the rate, as the charts format it */
			unit: Unit;
			/** age bands of the `bevolking` table that make up the population */
			bands: readonly string[];
			/** the population in words, for labels: "inwoners", "jongeren tot 18 jaar" */
			population: string;
	  }
	| { kind: 'value' };

/** The population a count of a table is drawn from (every inhabitant unless said here). */
const POPULATIONS: Partial<Record<MeasureTable, { bands: readonly string[]; population: string }>> = {
	jeugdhulp: { bands: ['0-14', '15-17'], population: 'jongeren tot 18 jaar' },
	bijstand: { bands: ['18-64', '65+'], population: 'inwoners van 18 jaar en ouder' }
};

/** How an indicator's areas are compared: a count of a measure table as a rate per 1.000, else as is. */
export function areaBasis(options: { table: MeasureTable | null; unit: Unit }): AreaBasis {
	const { table, unit } = options;
	if (table === null || unit !== 'aantal' || table === 'bevolking') return { kind: 'value' };
	const population = POPULATIONS[table] ?? { bands: ['totaal'], population: 'inwoners' };
	return { kind: 'rate', per: 1_000, unit: 'per 1.000', ...population };
}

/** The unit the areas are compared in: the rate's, or the indicator's own. */
export function areaUnit(options: { basis: AreaBasis; unit: Unit }): Unit {
	return options.basis.kind === 'rate' ? options.basis.unit : options.unit;
}

/** The compared figure in words for headers and captions: "per 1.000 inwoners", or null when as is. */
export function areaUnitText(basis: AreaBasis): string | null {
	return basis.kind === 'rate' ? `per ${basis.per.toLocaleString('nl-NL')} ${basis.population}` : null;
}

/**
 * A count as a rate over its population, to one decimal. It is computed from the published (rounded)
 * count and population, as the disclosure rule asks; a suppressed count or an unknown or empty
 * population gives no rate, never 0.
 */
export function areaRate(options: {
	count: number | null;
	population: number | null;
	per: number;
}): number | null {
	const { count, population, per } = options;
	if (count === null || population === null || !(population > 0)) return null;
	return Math.round(((count * per) / population) * 10) / 10;
}

/** One area as the query gives it: the published value, and the count and population behind it. */
export interface AreaQueryRow {
	code: string;
	name: string;
	/** the published value: a count, a score, a percentage or a BBV ratio; null when suppressed */
	value: number | null;
	/** the count the value is about (a count itself, or a BBV ratio's numerator); null for scores */
	count: number | null;
	/** the population of the area a rate is computed over; null when not needed or incomplete */
	population: number | null;
	standard_error: number | null;
}

/** One area as the page compares it: the compared value (a rate for counts) and the count beside it. */
export interface AreaFigure {
	code: string;
	name: string;
	value: number | null;
	count: number | null;
	standard_error: number | null;
}

/**
 * The areas and the gemeente (the reference) in the unit they are compared in: a count becomes a rate
 * over the area's own population, the gemeente's rate over the gemeente's population. The gemeente's
 * row is the one whose code is the gemeente's.
 */
export function compareAreas(options: {
	rows: readonly AreaQueryRow[];
	basis: AreaBasis;
	gemeente: string;
}): {
	areas: AreaFigure[];
	reference: AreaFigure | null;
} {
	const { basis } = options;
	const figure = (r: AreaQueryRow): AreaFigure => ({
		code: r.code,
		name: r.name,
		value:
			basis.kind === 'rate'
				? areaRate({ count: r.count, population: r.population, per: basis.per })
				: r.value,
		count: r.count,
		standard_error: r.standard_error
	});
	const reference = options.rows.find((r) => r.code === options.gemeente);
	return {
		areas: options.rows.filter((r) => r.code !== options.gemeente).map(figure),
		reference: reference ? figure(reference) : null
	};
}

/** Areas from highest to lowest value (ties in the given order), those without a value last. */
export function rankAreas<T extends { value: number | null }>(
	areas: readonly T[]
): { known: T[]; missing: T[] } {
	return {
		known: areas.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!),
		missing: areas.filter((r) => r.value === null)
	};
}

/** The latest year in which both an area and its gemeente have a published value; null if none. */
export function latestCommonYear(options: {
	area: readonly { year: number; value: number | null }[];
	gemeente: readonly { year: number; value: number | null }[];
}): number | null {
	const known = new Set(options.gemeente.filter((o) => o.value !== null).map((o) => o.year));
	return (
		options.area
			.filter((o) => o.value !== null && known.has(o.year))
			.map((o) => o.year)
			.sort((a, b) => a - b)
			.at(-1) ?? null
	);
}
