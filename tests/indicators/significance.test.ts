import { describe, expect, test } from 'vitest';
import { compareEstimates, weightedMeanStandardError } from '../../src/lib/indicators/significance';

describe('significance', () => {
	test('worked example: 4,6 vs 4,4 with standard errors 0,04 each', () => {
		// margin = 1,96 · √(0,0016 + 0,0016) = 1,96 · 0,05657 = 0,1109
		const d = compareEstimates({
			value: 4.6,
			standardError: 0.04,
			reference: 4.4,
			referenceStandardError: 0.04
		});
		expect(d.margin).toBeCloseTo(0.1109, 4);
		expect(d.significant).toBe(true);
		expect(
			compareEstimates({ value: 4.5, standardError: 0.04, reference: 4.4, referenceStandardError: 0.04 })
				.significant
		).toBe(false);
	});

	test('standard error of a weighted mean from sums', () => {
		// Equal weights reduce to s/√n: values 1..5, s = 1,5811, n = 5 → 0,7071.
		const xs = [1, 2, 3, 4, 5];
		const w = 2;
		const se = weightedMeanStandardError({
			n: xs.length,
			sumW: w * xs.length,
			sumWX: xs.reduce((s, x) => s + w * x, 0),
			sumW2: w * w * xs.length,
			sumW2X: xs.reduce((s, x) => s + w * w * x, 0),
			sumW2X2: xs.reduce((s, x) => s + w * w * x * x, 0)
		});
		expect(se).toBeCloseTo(Math.sqrt(2.5 / 5), 6);
	});
});
