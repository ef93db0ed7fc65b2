import { describe, expect, test } from 'vitest';
import { compareChart } from '../../src/lib/charts/compare';
import { figureMarkup } from '../../src/lib/charts/figure';
import { chartDocument as doc, expectGolden } from './golden';

const chart = () =>
	figureMarkup(
		compareChart({
			unit: 'per 10.000',
			series: [
				{
					label: 'Gemeente A',
					observations: [
						{ year: 2019, value: 412.5 },
						{ year: 2020, value: 398 },
						{ year: 2021, value: 1012.25 }
					]
				},
				{
					label: 'Gemeente B',
					observations: [
						{ year: 2019, value: 305 },
						{ year: 2020, value: null },
						{ year: 2021, value: 330.5 }
					]
				}
			],
			document: doc()
		})
	);

describe('compare chart', () => {
	test('matches its golden SVG', () => expectGolden('compare', chart()));

	test('describes every series with its suppressed years, in nl-NL', () => {
		const svg = chart();
		expect(svg).toContain('aria-label="Vergelijking van Gemeente A en Gemeente B"');
		expect(svg).toContain('Gemeente B: 2019 305,0, 2020 onderdrukt, 2021 330,5');
		expect(svg).toContain('1.012,3');
		expect(svg).not.toContain('2.019');
		expect(svg).not.toMatch(/<style|\sstyle="/);
	});
});
