import { describe, expect, test } from 'vitest';
import { fixtureCases } from '../helpers/fixture-cases';
import { convertValue, unitConversion } from '../../src/lib/measures/units';

/** One folder per case: two unit texts, and the factor between them or null when they stay apart. */
interface Case {
	why: string;
	from: string;
	to: string;
	factor: number | null;
	value?: number;
	converted?: number;
}

const DIR = 'tests/fixtures/units';
const cases = fixtureCases<Case>(DIR);

describe('units convert where the definition allows, otherwise stay apart', () => {
	test.each(cases)('%s', (_, c) => {
		const factor = unitConversion({ from: c.from, to: c.to });
		if (c.factor === null) expect(factor).toBeNull();
		else expect(factor).toBeCloseTo(c.factor, 10);
		if (c.value !== undefined) expect(convertValue(c.value, factor!)).toBe(c.converted);
	});

	test('a missing value stays missing, never 0', () => {
		expect(convertValue(null, 10)).toBeNull();
	});
});
