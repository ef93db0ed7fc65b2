import { describe, expect, test } from 'vitest';
import { coverageText, periodLabel, periodRange } from '../../src/lib/measures/real-cbs';

describe('what a real CBS table holds, in words', () => {
	test('periods and a status the labelled download does not carry', () => {
		expect(
			periodRange([
				{ period: '2021HJ01', status: 'onbekend' },
				{ period: '2024HJ01', status: 'onbekend' }
			])
		).toBe(
			'perioden 1e halfjaar 2021 tot en met 1e halfjaar 2024; status niet in het bestand (een download met titels laat de * van voorlopige cijfers weg)'
		);
		expect(
			periodRange([
				{ period: '2023JJ00', status: 'definitief' },
				{ period: '2024JJ00', status: 'voorlopig' }
			])
		).toBe('perioden 2023 tot en met 2024; definitief, voorlopig');
		expect(['2024HJ02', '2023KW03', '2022MM01', 'X'].map((c) => periodLabel(c))).toEqual([
			'2e halfjaar 2024',
			'3e kwartaal 2023',
			'januari 2022',
			'X'
		]);
	});

	test('a cut-off file: the complete categories, the one begun, the rows not read', () => {
		expect(
			coverageText({
				truncated: true,
				rows: 10_000,
				categories: [
					{ category: 'Totaal', complete: true },
					{ category: 'Totaal exclusief verblijf en opvang', complete: false }
				],
				skipped: [{ reason: 'gemeentegrootte', rows: 60 }]
			})
		).toBe(
			"CBS' download was afgebroken na 10.000 rijen; deze categorieën zijn onvolledig: Totaal exclusief verblijf en opvang, en latere categorieën ontbreken. Volledig zijn Totaal. Niet gelezen: 60 rijen (gemeentegrootte)."
		);
		expect(
			coverageText({
				truncated: false,
				rows: 4210,
				categories: [{ category: '', complete: true }],
				skipped: []
			})
		).toBe('Volledig (4.210 rijen).');
		expect(coverageText(undefined)).toBe('');
	});
});
