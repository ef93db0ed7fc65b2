import { describe, expect, test } from 'vitest';
import { ROUNDING_BASE } from '../../src/lib/disclosure/rules';
import type { Unit } from '../../src/lib/format';
import { baselineRoundingNote } from '../../src/lib/indicators/rounding-note';
import type { Baseline, Observation } from '../../src/lib/indicators/types';
import { fixtureCases } from '../helpers/fixture-cases';

interface Case {
	baseline: Baseline;
	unit: Unit;
	observations: Observation[];
	note: string | null;
}

describe('a stated nulsituatie beside its rounded published figure says why they differ', () => {
	test.each(fixtureCases<Case>('tests/fixtures/indicators/rounding-note'))('%s', (_, c) => {
		expect(baselineRoundingNote({ ...c, roundingBase: ROUNDING_BASE })).toBe(c.note);
	});
});
