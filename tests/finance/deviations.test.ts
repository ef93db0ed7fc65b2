import { describe, expect, test } from 'vitest';
import { deviations, deviationSummary } from '../../src/lib/finance/deviations';
import type { LedgerRow, Phase } from '../../src/lib/finance/types';
import { variances, type Explanation, type VarianceThreshold } from '../../src/lib/finance/variance';
import { fixtureCases } from '../helpers/fixture-cases';

interface Amounts {
	lasten: number;
	baten: number;
}
interface Case {
	threshold: VarianceThreshold;
	doelen: { doel: string; name: string; budget: Amounts; actual: Amounts }[];
	explanations: Explanation[];
	deviations: { doel: string; columns: string[]; explained: boolean }[];
	saldo: Record<string, { sameAs: string | null; explanation: string | null }>;
	summary: string;
}

const YEAR = 2024;
const row = (d: Case['doelen'][number], fase: Phase, amounts: Amounts): LedgerRow => ({
	jaar: YEAR,
	programma: d.doel.split('.')[0]!,
	doel: d.doel,
	doel_naam: d.name,
	taakveld: '6.1',
	fase,
	...amounts,
	toevoeging_reserves: 0,
	onttrekking_reserves: 0
});

describe('a deviation is counted and explained once per doel', () => {
	test.each(fixtureCases<Case>('tests/fixtures/finance-deviations'))('%s', (_, c) => {
		const ledger = c.doelen.flatMap((d) => [
			row(d, 'begroting na wijziging', d.budget),
			row(d, 'realisatie', d.actual)
		]);
		const found = variances({ ledger, year: YEAR, threshold: c.threshold, explanations: c.explanations });
		const per = deviations({ variances: found });
		expect(per.map(({ doel, columns, explained }) => ({ doel, columns, explained }))).toEqual(c.deviations);
		for (const [doel, saldo] of Object.entries(c.saldo))
			expect(
				found.find((v) => v.doel === doel && v.column === 'saldo'),
				doel
			).toMatchObject(saldo);
		expect(deviationSummary({ deviations: per }).text).toBe(c.summary);
	});
});
