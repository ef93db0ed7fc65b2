/**
 * Disclosure control for published person counts, following the rule CBS applies to WMO and
 * jeugdhulp counts per wijk and buurt (see shared domain notes): counts of 0–7 persons are secret
 * and published as missing (never as 0); all other counts are rounded to a multiple of 5; rates are
 * computed after rounding. Survey scores are published only above a respondent threshold.
 *
 * The TypeScript functions and the SQL generators below encode the same rule; a test checks that
 * they agree on every count from 0 to 10.000.
 */

/** Largest count that is secret. */
export const SECRET_MAX = 7;
/** Published counts are multiples of this base. */
export const ROUNDING_BASE = 5;
/** Default minimum number of respondents for a published survey score. */
export const DEFAULT_MIN_RESPONDENTS = 30;

/** Applies the disclosure rule to one person count: null when secret, else rounded to 5. */
export function discloseCount(count: number): number | null {
	if (!Number.isInteger(count) || count < 0) {
		throw new RangeError(`invalid person count ${count}: expected a whole number ≥ 0`);
	}
	if (count <= SECRET_MAX) return null;
	return Math.round(count / ROUNDING_BASE) * ROUNDING_BASE;
}

/** SQL expression that applies {@link discloseCount} to an integer SQL expression. */
export function discloseCountSql(expr: string): string {
	// Integer division keeps this exact: round-half-up of n/5 for whole n ≥ 0.
	return `(CASE WHEN (${expr}) <= ${SECRET_MAX} THEN NULL ELSE CAST((((${expr}) + ${Math.floor(ROUNDING_BASE / 2)}) // ${ROUNDING_BASE}) * ${ROUNDING_BASE} AS INTEGER) END)`;
}

/** Whether a survey estimate based on `respondents` may be published. */
export function surveyPublishable(respondents: number, minRespondents = DEFAULT_MIN_RESPONDENTS): boolean {
	return respondents >= minRespondents;
}

/** A release's disclosure rule as its manifest records it. */
export interface DisclosureRule {
	secretMax: number;
	roundingBase: number;
	minRespondents: number;
}

/** The disclosure rule in one Dutch sentence, from the manifest of the release a page shows. */
export function describeDisclosure(rule: DisclosureRule): string {
	return `Aantallen van 0 tot en met ${rule.secretMax} personen zijn onderdrukt (niet gepubliceerd, nooit als 0), andere aantallen afgerond op ${rule.roundingBase}; enquêtecijfers alleen bij minstens ${rule.minRespondents} respondenten.`;
}
