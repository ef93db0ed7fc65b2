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
