import { formatNumber } from '../format';

/**
 * Units of ratios and when one converts into another. "per 1.000 inwoners" and "per 10.000 inwoners"
 * are the same figure a factor 10 apart; "per 10.000 inwoners van 18 jaar en ouder" is over another
 * population and never converts into "per 1.000 inwoners". A unit that cannot be read converts into
 * nothing: such series are shown apart, each with its unit in its label.
 */

/** A ratio unit read from its text: the factor and the population it is over (lower case). */
interface RatioUnit {
	per: number;
	population: string;
}

/** Reads "per 1 000 inwoners", "per 10.000 inwoners", "% van de jongeren tot 18 jaar"; null otherwise. */
function parseRatioUnit(text: string): RatioUnit | null {
	const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
	const per = /^per (\d{1,3}(?:[ .]\d{3})*|\d+) (.+)$/.exec(t);
	if (per) return { per: Number(per[1]!.replace(/[ .]/g, '')), population: per[2]!.trim() };
	const percent = /^(?:%|procent) van (?:de |het |alle )?(.+)$/.exec(t);
	if (percent) return { per: 100, population: percent[1]!.trim() };
	return null;
}

/**
 * The factor that turns a value in unit `from` into unit `to` (1 for the same unit), or null when the
 * two are not the same ratio over the same population and may not be set side by side.
 */
export function unitConversion(options: { from: string; to: string }): number | null {
	const { from, to } = options;
	if (from.trim().toLowerCase() === to.trim().toLowerCase()) return 1;
	const a = parseRatioUnit(from);
	const b = parseRatioUnit(to);
	if (!a || !b || a.population !== b.population) return null;
	return b.per / a.per;
}

/** A value converted by a factor, to one decimal as every ratio is shown; null stays null. */
export function convertValue(value: number | null, factor: number): number | null {
	return value === null ? null : Math.round(value * factor * 10) / 10;
}

/**
 * The one rule on units every page states: figures keep their source's unit, except the same ratio on
 * another scale, which is converted into the BBV unit (and its unit text says so).
 */
export const UNIT_RULE =
	'Elk cijfer staat in de eenheid van zijn bron; alleen dezelfde verhouding op een andere schaal (per 1.000 in plaats van per 10.000 inwoners) is omgerekend naar de BBV-eenheid, en de eenheid zegt dat erbij.';

/**
 * How a converted unit is said, everywhere it is shown: "per 10.000 inwoners (CBS publiceert per 1 000
 * inwoners; hier omgerekend, × 10)"; the unit itself when no conversion is needed or possible.
 */
export function convertedUnitText(options: { from: string; to: string; publisher: string }): string {
	const factor = unitConversion(options);
	if (factor === null || factor === 1) return options.from;
	return `${options.to} (${options.publisher} publiceert ${options.from}; hier omgerekend, × ${formatNumber(factor)})`;
}
