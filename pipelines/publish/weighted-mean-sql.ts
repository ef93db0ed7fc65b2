/**
 * SQL for weighted survey estimates, shared by every survey aggregation. Over rows with a weight
 * `w` and a value `x`, WEIGHTED_SUMS keeps the sums that WEIGHTED_ESTIMATE turns into the mean and
 * its standard error (linearisation, with the n/(n-1) correction): the same formula as
 * weightedMeanStandardError in src/lib/indicators/significance.ts. A percentage is a mean of 0/100.
 */
export const WEIGHTED_SUMS =
	'count(*) AS n, sum(w) AS sw, sum(w * x) AS swx, sum(w * w) AS sw2, sum(w * w * x) AS sw2x, sum(w * w * x * x) AS sw2x2';

/** Mean and standard error from the columns of {@link WEIGHTED_SUMS}. */
export const WEIGHTED_ESTIMATE =
	'swx / sw AS mean, sqrt(greatest(sw2x2 - 2 * (swx / sw) * sw2x + (swx / sw) * (swx / sw) * sw2, 0) * n / (n - 1)) / sw AS se';

/**
 * The {@link WEIGHTED_SUMS} of the value `x` with the weight `w` over the rows of a group where `x` is
 * present, as columns `<name>__n`, `<name>__sw` and so on: partial sums that {@link WEIGHTED_ROLLUP}
 * adds up. Summing several values of one row at once reads each row once instead of once per value.
 */
export function weightedPartialSums(options: { x: string; w: string; name: string }): string {
	const { x, w, name } = options;
	const present = `FILTER (WHERE ${x} IS NOT NULL)`;
	return [
		`count(${x}) AS ${name}__n`,
		`sum(${w}) ${present} AS ${name}__sw`,
		`sum(${w} * ${x}) AS ${name}__swx`,
		`sum(${w} * ${w}) ${present} AS ${name}__sw2`,
		`sum(${w} * ${w} * ${x}) AS ${name}__sw2x`,
		`sum(${w} * ${w} * ${x} * ${x}) AS ${name}__sw2x2`
	].join(', ');
}

/** The names of the columns of {@link WEIGHTED_SUMS}. */
const SUMS = ['n', 'sw', 'swx', 'sw2', 'sw2x', 'sw2x2'];

/** The columns of {@link weightedPartialSums} of `name`, under the names of {@link WEIGHTED_SUMS}. */
export function weightedPartialColumns(name: string): string {
	return SUMS.map((c) => `${name}__${c} AS ${c}`).join(', ');
}

/** {@link WEIGHTED_SUMS} over groups of partial sums ({@link weightedPartialColumns}); n stays a count. */
export const WEIGHTED_ROLLUP = SUMS.map((c) =>
	c === 'n' ? 'CAST(sum(n) AS BIGINT) AS n' : `sum(${c}) AS ${c}`
).join(', ');
