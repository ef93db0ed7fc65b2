import { readdirSync, readFileSync } from 'node:fs';
import { sampleGemeenten } from '../helpers/gemeenten';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFinanceSettings, SettingsError } from '../../src/lib/finance/settings';
import { isFlagged, variances } from '../../src/lib/finance/variance';
import type { LedgerRow, Phase } from '../../src/lib/finance/types';
import { loadFinanceSettings } from '../../src/lib/finance/view';

describe('financial settings', () => {
	test('the shipped settings of every gemeente are read as written, the defaults where there are none', () => {
		const thresholds = Object.fromEntries(
			sampleGemeenten().map((gemeente) => [gemeente.code, loadFinanceSettings({ gemeente }).threshold])
		);
		// GM0193 ships financien.yaml (afwijking: 250000, 5, en); GM0014 has none and gets the defaults.
		expect(thresholds).toEqual({
			GM0014: { amount: 250_000, percent: 5, combine: 'en' },
			GM0193: { amount: 250_000, percent: 5, combine: 'en' }
		});
		expect(
			loadFinanceSettings({ gemeente: sampleGemeenten().find((g) => g.code === 'GM0193')! }).volumes.length
		).toBeGreaterThan(0);
	});

	const root = 'tests/fixtures/finance-settings';
	test.each(readdirSync(root).sort())('invalid: %s names file, line and field', (name) => {
		const dir = join(root, name);
		const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { messages: string[] };
		const file = join(dir, 'financien.yaml');
		let error: unknown;
		try {
			parseFinanceSettings({ text: readFileSync(file, 'utf8'), file });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(SettingsError);
		for (const m of expected.messages) expect((error as Error).message).toContain(m);
	});
});

describe('variance thresholds', () => {
	const en = { amount: 250_000, percent: 5, combine: 'en' as const };
	const of = { ...en, combine: 'of' as const };
	test.each([
		// difference, percent, 'en' flags?, 'of' flags?
		[250_000, 10, false, true],
		[250_001, 5, false, true],
		[250_001, 5.01, true, true],
		[-300_000, -6, true, true],
		[100_000, 20, false, true],
		[100_000, 1, false, false]
	])('difference %d (%d%%): en → %s, of → %s', (difference, percent, flaggedEn, flaggedOf) => {
		expect(isFlagged({ difference, percent, threshold: en })).toBe(flaggedEn);
		expect(isFlagged({ difference, percent, threshold: of })).toBe(flaggedOf);
	});
	test('a zero budget is judged on the amount alone', () => {
		expect(isFlagged({ difference: 300_000, percent: null, threshold: en })).toBe(true);
		expect(isFlagged({ difference: 200_000, percent: null, threshold: en })).toBe(false);
	});

	test('realisatie against the begroting na wijziging, with the explanation shown next to it', () => {
		const row = (fase: Phase, lasten: number): LedgerRow => ({
			jaar: 2023,
			programma: '2',
			doel: '2.1.1',
			doel_naam: 'Ondersteuning in de wijk',
			taakveld: '6.2',
			fase,
			lasten,
			baten: 0,
			toevoeging_reserves: 0,
			onttrekking_reserves: 0
		});
		const ledger = [
			row('primitieve begroting', 9_000_000),
			row('begroting na wijziging', 10_000_000),
			row('realisatie', 10_600_000)
		];
		const result = variances({
			ledger,
			year: 2023,
			threshold: en,
			explanations: [
				{ year: 2023, doel: '2.1.1', column: 'lasten', text: 'Extra inzet SWT na het AEF-onderzoek.' }
			]
		});
		const lasten = result.find((v) => v.column === 'lasten')!;
		expect(lasten).toMatchObject({
			budget: 10_000_000,
			actual: 10_600_000,
			difference: 600_000,
			flagged: true
		});
		expect(lasten.percent).toBeCloseTo(6, 6);
		expect(lasten.explanation).toBe('Extra inzet SWT na het AEF-onderzoek.');
		// The saldo moves only because the lasten moved: the same deviation, covered by its explanation.
		expect(result.find((v) => v.column === 'saldo')).toMatchObject({
			flagged: true,
			sameAs: 'lasten',
			explanation: 'Extra inzet SWT na het AEF-onderzoek.'
		});
		expect(variances({ ledger: ledger.slice(0, 2), year: 2023, threshold: en, explanations: [] })).toEqual(
			[]
		);
	});
});
