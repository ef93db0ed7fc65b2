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
	{ code: 'WK999901', name: 'Wijk 01 Noord', value: 6.8, standard_error: 0.12 },
	{ code: 'WK999902', name: 'Wijk 02 Midden', value: 7.4, standard_error: 0.1 },
	{ code: 'WK999903', name: 'Wijk 03 Zuid', value: null, standard_error: null },
	{ code: 'WK999904', name: 'Wijk 04 Oost', value: 7.1, standard_error: 0.2 }
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

describe('choropleth', () => {
	const map = (labels: boolean) =>
		figureMarkup(choroplethMap({ rows, geometry, unit: 'rapportcijfer', labels, document: doc() }));

	test('with values written in matches its golden SVG', () =>
		expectGolden('breakdown-map-labels', map(true)));
	test('without labels (buurten) matches its golden SVG', () => expectGolden('breakdown-map', map(false)));

	test('names the areas without a value in its description, and writes × in them', () => {
		const svg = map(true);
		expect(svg).toContain('zonder waarde (wit, ×): Wijk 03 Zuid');
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
