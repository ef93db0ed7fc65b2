/** Two-sided 95% critical value of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** Result of comparing two independent survey estimates. */
export interface Difference {
	difference: number;
	/** half-width of the 95% interval of the difference */
	margin: number;
	significant: boolean;
}

/**
 * Compares two independent survey estimates with their standard errors (a two-sided z-test at 95%).
 * The difference is significant when its 95% interval excludes zero.
 */
export function compareEstimates(options: {
	value: number;
	standardError: number;
	reference: number;
	referenceStandardError: number;
}): Difference {
	const { value, standardError, reference, referenceStandardError } = options;
	const difference = value - reference;
	const margin = Z_95 * Math.sqrt(standardError ** 2 + referenceStandardError ** 2);
	return { difference, margin, significant: Math.abs(difference) > margin };
}

/**
 * Standard error of a weighted mean from the sums a published aggregate keeps: Σw, Σw·x, Σw²·x²,
 * Σw²·x and Σw² (linearisation of the ratio estimator, with the n/(n−1) correction).
 */
export function weightedMeanStandardError(options: {
	n: number;
	sumW: number;
	sumWX: number;
	sumW2: number;
	sumW2X: number;
	sumW2X2: number;
}): number {
	const { n, sumW, sumWX, sumW2, sumW2X, sumW2X2 } = options;
	if (n < 2 || sumW <= 0) return Number.NaN;
	const mean = sumWX / sumW;
	const sumSquares = sumW2X2 - 2 * mean * sumW2X + mean * mean * sumW2;
	return Math.sqrt(Math.max(sumSquares, 0) * (n / (n - 1))) / sumW;
}
