import { formatValue, type Unit } from '../format';
import type { Baseline, Norm, Observation } from './types';

/**
 * The nulsituatie's value: as the document states it, or (`uit_data`) the published realisatie of
 * its year; value null when that year is suppressed or not (yet) in the data; null when pending.
 */
export function baselineValue(options: {
	baseline: Baseline;
	observations: readonly Observation[];
}): { year: number; value: number | null; from: 'document' | 'data' } | null {
	const { baseline } = options;
	switch (baseline.kind) {
		case 'value':
			return { year: baseline.year, value: baseline.value, from: 'document' };
		case 'from-data': {
			const o = options.observations.find((x) => x.year === baseline.year);
			return { year: baseline.year, value: o?.value ?? null, from: 'data' };
		}
		case 'pending':
			return null;
	}
}

/**
 * The nulsituatie as a short Dutch text: the value and year; for one taken from the data, also where
 * it comes from (the catalogue's text and the source), or what the document says instead.
 */
export function baselineText(options: {
	baseline: Baseline;
	unit: Unit;
	observations: readonly Observation[];
	/** the streefdoel's source, named for a nulsituatie taken from the data */
	source?: string;
}): string {
	const { baseline, unit } = options;
	switch (baseline.kind) {
		case 'value':
			return `${formatValue(baseline.value, unit)} (${baseline.year})`;
		case 'from-data': {
			const found = baselineValue(options);
			const origin = [baseline.text ?? 'uit de registratie', options.source && `bron: ${options.source}`]
				.filter(Boolean)
				.join('; ');
			const observed = options.observations.some((o) => o.year === baseline.year);
			const value =
				found?.value !== null && found?.value !== undefined
					? formatValue(found.value, unit)
					: observed
						? 'onderdrukt'
						: 'nog niet in de gegevens';
			return `${value} (${baseline.year}; ${origin})`;
		}
		case 'pending':
			return baseline.text;
	}
}

/** The norm as a short Dutch text. */
export function normText(options: { norm: Norm; unit: Unit }): string {
	const { norm, unit } = options;
	switch (norm.kind) {
		case 'target':
			return `${formatValue(norm.value, unit)} in ${norm.year}`;
		case 'minimum':
			return `minimaal ${formatValue(norm.value, unit)} in ${norm.year}`;
		case 'maximum':
			return `maximaal ${formatValue(norm.value, unit)} in ${norm.year}`;
		case 'rise':
			return `${norm.strict ? 'gestegen' : 'gelijk of hoger'} in ${norm.year} t.o.v. ${norm.referenceYear}`;
		case 'fall':
			return `${norm.strict ? 'gedaald' : 'gelijk of lager'} in ${norm.year} t.o.v. ${norm.referenceYear}`;
		case 'none':
			return 'geen norm';
	}
}
