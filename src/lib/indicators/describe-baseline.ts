import { formatValue, type Unit } from '../format';
import type { Baseline, Norm } from './types';

/** The nulsituatie as a short Dutch text: the value and year, or what the document says instead. */
export function baselineText(options: { baseline: Baseline; unit: Unit }): string {
	const { baseline, unit } = options;
	switch (baseline.kind) {
		case 'value':
			return `${formatValue(baseline.value, unit)} (${baseline.year})`;
		case 'from-data':
			return `uit de registratie, ${baseline.year}`;
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
