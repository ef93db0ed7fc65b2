import { describe, expect, test } from 'vitest';
import { fixtureCases } from '../helpers/fixture-cases';
import {
	areaBasis,
	areaRate,
	areaUnitText,
	compareAreas,
	latestCommonYear,
	rankAreas,
	type AreaQueryRow
} from '../../src/lib/measures/area-rate';
import { missingReason } from '../../src/lib/measures/area-view';
import type { MeasureTable } from '../../src/lib/measures/tables';
import type { Unit } from '../../src/lib/format';

/** One folder per case: the query rows of a breakdown and what the page must compare. */
interface Case {
	why: string;
	table: MeasureTable;
	unit: Unit;
	gemeente: string;
	rows: AreaQueryRow[];
	expected: {
		unitText: string | null;
		order: string[];
		areas: Record<string, number | null>;
		reasons?: Record<string, string>;
		reference: number | null;
	};
}

const DIR = 'tests/fixtures/area-rate';
const cases = fixtureCases<Case>(DIR);

describe('areas compared as rates, with the gemeente’s rate as reference', () => {
	test.each(cases)('%s', (_, c) => {
		const basis = areaBasis({ table: c.table, unit: c.unit });
		expect(areaUnitText(basis)).toBe(c.expected.unitText);
		const { areas, reference } = compareAreas({ rows: c.rows, basis, gemeente: c.gemeente });
		expect(Object.fromEntries(areas.map((a) => [a.code, a.value]))).toEqual(c.expected.areas);
		expect(reference?.value ?? null).toBe(c.expected.reference);
		// The count stays beside the rate, as published.
		for (const a of areas) expect(a.count).toBe(c.rows.find((r) => r.code === a.code)!.count);
		const ranked = rankAreas(areas);
		expect([...ranked.known, ...ranked.missing].map((a) => a.code)).toEqual(c.expected.order);
		for (const [code, reason] of Object.entries(c.expected.reasons ?? {}))
			expect(missingReason(areas.find((a) => a.code === code)!)).toBe(reason);
	});

	test('a rate is computed from the rounded figures and rounded to one decimal', () => {
		expect(areaRate({ count: 605, population: 13_735, per: 1_000 })).toBe(44);
		expect(areaRate({ count: 5, population: 3, per: 1_000 })).toBe(1666.7);
		expect(areaRate({ count: 0, population: 100, per: 1_000 })).toBe(0);
	});

	test('the population table itself and non-counts are not turned into rates', () => {
		expect(areaBasis({ table: 'bevolking', unit: 'aantal' }).kind).toBe('value');
		expect(areaBasis({ table: 'poort', unit: 'procent' }).kind).toBe('value');
		expect(areaBasis({ table: null, unit: 'aantal' }).kind).toBe('value');
	});

	test('a wijk beside its gemeente: the latest year in which both have a value', () => {
		const gemeente = [
			{ year: 2023, value: 3930 },
			{ year: 2024, value: 4010 }
		];
		expect(
			latestCommonYear({
				area: [
					{ year: 2023, value: 130 },
					{ year: 2024, value: 135 }
				],
				gemeente
			})
		).toBe(2024);
		expect(
			latestCommonYear({
				area: [
					{ year: 2023, value: 130 },
					{ year: 2024, value: null }
				],
				gemeente
			})
		).toBe(2023);
		expect(latestCommonYear({ area: [{ year: 2024, value: null }], gemeente })).toBeNull();
	});
});
