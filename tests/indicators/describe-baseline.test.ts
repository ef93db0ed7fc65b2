import { describe, expect, test } from 'vitest';
import type { Unit } from '../../src/lib/format';
import { baselineText, baselineValue } from '../../src/lib/indicators/describe-baseline';
import type { Baseline, Observation } from '../../src/lib/indicators/types';
import { fixtureCases } from '../helpers/fixture-cases';

interface Case {
	baseline: Baseline;
	unit: Unit;
	source: string;
	observations: Observation[];
	text: string;
	value: number | null;
}

describe('a nulsituatie taken from the data shows its value, year and source', () => {
	test.each(fixtureCases<Case>('tests/fixtures/indicators/baseline-from-data'))('%s', (_, c) => {
		expect(baselineText(c)).toBe(c.text);
		expect(baselineValue(c)?.value).toBe(c.value);
	});
});
