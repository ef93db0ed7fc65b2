import { describe, expect, test } from 'vitest';
import { figureMarkup } from '../../src/lib/charts/figure';
import { trendChart, type TrendChartOptions } from '../../src/lib/charts/trend';
import { chartDocument as doc, expectGolden } from './golden';

const cases: Record<string, Omit<TrendChartOptions, 'document'>> = {
	'survey-rise': {
		label: 'Zwolle',
		unit: 'schaalscore',
		baseline: { kind: 'value', value: 4.4, year: 2014 },
		norm: { kind: 'rise', referenceYear: 2014, year: 2016, strict: true },
		observations: [
			{ year: 2014, value: 4.4, standardError: 0.04 },
			{ year: 2016, value: 4.64, standardError: 0.04 },
			{ year: 2018, value: 4.7, standardError: 0.038 }
		]
	},
	'count-target-with-comparison': {
		label: 'Zwolle',
		unit: 'aantal',
		baseline: { kind: 'value', value: 405, year: 2013 },
		norm: { kind: 'target', value: 475, year: 2016, milestones: [{ year: 2015, value: 455 }] },
		observations: [
			{ year: 2013, value: 405 },
			{ year: 2014, value: 1430 },
			{ year: 2015, value: null },
			{ year: 2016, value: 2480 }
		],
		comparison: {
			label: 'Wijk 10 Binnenstad',
			observations: [
				{ year: 2013, value: 40 },
				{ year: 2016, value: null }
			]
		}
	}
};

describe('trend chart', () => {
	test.each(Object.keys(cases))('%s matches its golden SVG', (name) => {
		expectGolden(`trend-${name}`, figureMarkup(trendChart({ ...cases[name]!, document: doc() })));
	});

	test('is CSP-safe, accessible and Dutch', () => {
		const svg = figureMarkup(trendChart({ ...cases['count-target-with-comparison']!, document: doc() }));
		expect(svg).not.toMatch(/<style|\sstyle="/);
		expect(svg).toMatch(/aria-label="Trend van Zwolle"/);
		expect(svg).toMatch(/role="group"/);
		expect(svg).toContain('1.430');
		expect(svg).toContain('2015 onderdrukt');
		expect(svg).toContain('norm 2016: 475');
		// Years never get a thousands separator.
		expect(svg).not.toContain('2.016');
		const survey = figureMarkup(trendChart({ ...cases['survey-rise']!, document: doc() }));
		expect(survey).toContain('4,4');
		expect(survey).not.toMatch(/>4\.4</);
	});
});
