import { formatValue, type Unit } from '../format';
import { baselineValue } from './describe-baseline';
import type { Baseline, Observation } from './types';

/**
 * Why a published count differs from the figure it was made from: the disclosure rule rounds every
 * published count to a multiple of the base. Null when they agree, when the unit is not a count, or
 * when the difference is more than rounding explains (that is a different figure, not a rounding).
 */
function roundingNote(options: {
	stated: number;
	published: number | null;
	unit: Unit;
	roundingBase: number;
}): string | null {
	const { stated, published, unit, roundingBase } = options;
	if (unit !== 'aantal' || published === null || stated === published) return null;
	if (Math.round(stated / roundingBase) * roundingBase !== published) return null;
	return `In de gepubliceerde cijfers: ${formatValue(published, unit)}, afgerond op ${roundingBase} (onthullingsregel).`;
}

/** The rounding note for a nulsituatie the document states, against the published figure of its year. */
export function baselineRoundingNote(options: {
	baseline: Baseline;
	observations: readonly Observation[];
	unit: Unit;
	roundingBase: number;
}): string | null {
	const stated = baselineValue(options);
	if (!stated || stated.from !== 'document' || stated.value === null) return null;
	const published = options.observations.find((o) => o.year === stated.year)?.value ?? null;
	return roundingNote({
		stated: stated.value,
		published,
		unit: options.unit,
		roundingBase: options.roundingBase
	});
}
