import { describe, expect, test } from 'vitest';
import { coverageText, periodRange } from '../../src/lib/measures/real-cbs';

describe('what a real CBS table holds, in words', () => {
	test('periods and a status the labelled download does not carry', () => {
		expect(
			periodRange([
				{ period: '2021HJ01', status: 'onbekend' },
				{ period: '2024HJ01', status: 'onbekend' }
			])
		).toBe(
			'perioden 2021HJ01 tot en met 2024HJ01; status niet in het bestand (een download met titels laat de * van voorlopige cijfers weg)'
		);
		expect(
			periodRange([
				{ period: '2023JJ00', status: 'definitief' },
				{ period: '2024JJ00', status: 'voorlopig' }
			])
		).toBe('perioden 2023JJ00 tot en met 2024JJ00; definitief, voorlopig');
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
			'Het bestand stopt na 10.000 rijen (één pagina van CBS): volledig zijn Totaal; alleen het begin van Totaal exclusief verblijf en opvang; latere categorieën ontbreken. Niet gelezen: 60 rijen (gemeentegrootte).'
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
