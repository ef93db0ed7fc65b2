import { describe, expect, test } from 'vitest';
import {
	choroplethMap,
	classBreaks,
	rankedBarChart,
	type AreaGeometry,
	type AreaValue
} from '../../src/lib/charts/breakdown';
import { figureMarkup } from '../../src/lib/charts/figure';
import { chartDocument as doc, expectGolden } from './golden';

/** Three wijken of a made-up gemeente, one of them suppressed, with survey margins. */
const rows: AreaValue[] = [
	{ code: 'WK999901', name: 'Wijk 01 Noord', value: 6.8, count: null, standard_error: 0.12 },
	{ code: 'WK999902', name: 'Wijk 02 Midden', value: 7.4, count: null, standard_error: 0.1 },
	{ code: 'WK999903', name: 'Wijk 03 Zuid', value: null, count: null, standard_error: null },
	{ code: 'WK999904', name: 'Wijk 04 Oost', value: 7.1, count: null, standard_error: 0.2 }
];

/** A rectangle, wound clockwise as d3-geo expects of an exterior ring. */
const square = (x: number, y: number) => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, y],
			[x, y + 0.01],
			[x + 0.02, y + 0.01],
			[x + 0.02, y],
			[x, y]
		]
	]
});
const geometry: AreaGeometry = {
	type: 'FeatureCollection',
	features: rows.map((r, i) => ({
		type: 'Feature',
		properties: { code: r.code, name: r.name },
		geometry: square(6.08 + (i % 2) * 0.02, 52.5 + Math.floor(i / 2) * 0.01)
	}))
};

describe('ranked bars', () => {
	const bars = () =>
		figureMarkup(
			rankedBarChart({
				rows,
				unit: 'rapportcijfer',
				reference: { label: 'Voorbeeldgemeente', value: 7.1 },
				document: doc()
			})
		);

	test('matches its golden SVG', () => expectGolden('breakdown-bars', bars()));

	test('a suppressed area is listed as onderdrukt, never drawn as zero; numbers in nl-NL', () => {
		const svg = bars();
		expect(svg).toContain('Zuid');
		expect(svg).toContain('onderdrukt');
		expect(svg).toContain('7,4');
		expect(svg).not.toMatch(/>7\.4</);
		expect(svg).not.toMatch(/<style|\sstyle="/);
	});
});

describe('ranked rates', () => {
	/** Counts of a made-up gemeente as rates per 1.000 inwoners, with its own rate as reference. */
	const rates: AreaValue[] = [
		{ code: 'WK999931', name: 'Wijk 31 Groot', value: 44, count: 605, standard_error: null },
		{ code: 'WK999932', name: 'Wijk 32 Klein', value: 46.5, count: 50, standard_error: null },
		{ code: 'WK999940', name: 'Wijk 40 Midden', value: 46.5, count: 210, standard_error: null },
		{ code: 'WK999941', name: 'Wijk 41 Leeg', value: null, count: null, standard_error: null }
	];
	const bars = () =>
		figureMarkup(
			rankedBarChart({
				rows: rates,
				unit: 'per 1.000',
				unitText: 'per 1.000 inwoners',
				reference: { label: 'Voorbeeldgemeente', value: 30.7 },
				document: doc()
			})
		);

	test('matches its golden SVG', () => expectGolden('breakdown-bars-rates', bars()));

	test('the reference is the gemeente’s rate and the axis ends near the largest area, so bars fill it', () => {
		const svg = bars();
		expect(svg).toContain('Voorbeeldgemeente: 30,7');
		expect(svg).toContain('aria-label="Gebieden op volgorde van waarde, per 1.000 inwoners"');
		const ticks = [...svg.matchAll(/y="0\.71em">([\d.,]+)</g)].map((m) =>
			Number(m[1]!.replace('.', '').replace(',', '.'))
		);
		expect(Math.max(...ticks)).toBeGreaterThanOrEqual(46.5);
		expect(Math.max(...ticks)).toBeLessThan(46.5 * 1.25);
		// Ranked by rate: the smallest count comes first.
		expect(svg.indexOf('>Klein<')).toBeLessThan(svg.indexOf('>Groot<'));
	});
});

describe('choropleth', () => {
	const map = (labels: boolean) =>
		figureMarkup(choroplethMap({ rows, geometry, unit: 'rapportcijfer', labels, document: doc() }));

	test('with values written in matches its golden SVG', () =>
		expectGolden('breakdown-map-labels', map(true)));
	test('without labels (buurten) matches its golden SVG', () => expectGolden('breakdown-map', map(false)));

	test('names the areas without a value in its description, and writes × in them', () => {
		const svg = map(true);
		expect(svg).toContain('zonder waarde (gearceerd, ×): Wijk 03 Zuid');
		expect(svg).toContain('fill="url(#koers-geen-waarde)"');
		expect(svg).toContain('>×<');
		expect(svg).not.toMatch(/<style|\sstyle="/);
	});
});

describe('choropleth class breaks', () => {
	test('round numbers inside the range, at most four breaks, none for a single value', () => {
		expect(classBreaks([10, 605])).toEqual([200, 400, 600]);
		expect(classBreaks([4.1, 4.9])).toEqual([4.2, 4.4, 4.6, 4.8]);
		expect(classBreaks([3, 3])).toEqual([]);
		expect(classBreaks([])).toEqual([]);
		expect(classBreaks([0, 1000])).toEqual([200, 400, 600, 800]);
	});
});
