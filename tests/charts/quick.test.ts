import { describe, expect, test } from 'vitest';
import { figureMarkup } from '../../src/lib/charts/figure';
import { quickChart } from '../../src/lib/charts/quick';
import { chartDocument as doc, expectGolden } from './golden';

const byYear = [
	{ gemeente: 'GM9901', jaar: 2019, aantal: 1200 },
	{ gemeente: 'GM9901', jaar: 2020, aantal: 1350 },
	{ gemeente: 'GM9902', jaar: 2019, aantal: 800 },
	{ gemeente: 'GM9902', jaar: 2020, aantal: null }
];
const byLabel = [
	{ wijk: 'Noord', aantal: 12.25 },
	{ wijk: 'Zuid', aantal: 30 },
	{ wijk: 'Midden', aantal: null }
];

describe('quick chart of a query result', () => {
	test('years give a line per label (golden SVG)', () => {
		const chart = quickChart({ rows: byYear, document: doc() });
		expect(chart).not.toBeNull();
		expectGolden('quick-years', figureMarkup(chart!));
	});

	test('labels give ranked bars without the empty ones (golden SVG)', () => {
		const svg = figureMarkup(quickChart({ rows: byLabel, document: doc() })!);
		expectGolden('quick-labels', svg);
		expect(svg).toContain('12,3');
		expect(svg).not.toContain('Midden');
	});

	test('no chart when the shape allows none', () => {
		expect(quickChart({ rows: [{ a: 1, b: 2 }], document: doc() })).toBeNull();
		expect(quickChart({ rows: [{ a: 'x' }, { a: 'y' }], document: doc() })).toBeNull();
		expect(
			quickChart({
				rows: [
					{ jaar: 2019, gemeente: 'a' },
					{ jaar: 2020, gemeente: 'b' }
				],
				document: doc()
			})
		).toBeNull();
	});
});
