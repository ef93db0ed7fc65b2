import { describe, expect, test } from 'vitest';
import { fixtureCases } from '../helpers/fixture-cases';
import { convertValue, convertedUnitText, unitConversion, UNIT_RULE } from '../../src/lib/measures/units';

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

describe('one statement on units', () => {
	test('a converted unit says from what and by how much; the rule admits the conversion', () => {
		expect(
			convertedUnitText({ from: 'per 1 000 inwoners', to: 'per 10.000 inwoners', publisher: 'CBS' })
		).toBe('per 10.000 inwoners (CBS publiceert per 1 000 inwoners; hier omgerekend, × 10)');
		expect(convertedUnitText({ from: 'aantal', to: 'per 10.000 inwoners', publisher: 'CBS' })).toBe('aantal');
		expect(UNIT_RULE).toContain('omgerekend naar de BBV-eenheid');
		expect(UNIT_RULE).not.toMatch(/nooit omgerekend|niet om/);
	});
});
