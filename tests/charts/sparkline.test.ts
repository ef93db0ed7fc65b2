import { describe, expect, test } from 'vitest';
import { sparkline } from '../../src/lib/charts/sparkline';

describe('sparkline', () => {
	test('draws the realisaties as one line with a dot on the latest, and says so in text', () => {
		const svg = sparkline({
			label: 'Gebruik',
			unit: 'aantal',
			width: 96,
			height: 24,
			observations: [
				{ year: 2016, value: 1200 },
				{ year: 2014, value: 1000 },
				{ year: 2018, value: 1100 }
			]
		})!;
		expect(svg).toContain('d="M3,21L48,3L93,12"');
		expect(svg).toContain('<circle cx="93" cy="12"');
		expect(svg).toContain(
			'aria-label="Gebruik. Verloop 2014–2018: van 1.000 (2014) naar 1.100 (2018), laagste 1.000, hoogste 1.200"'
		);
		expect(svg).toContain('role="img"');
		// The CSP allows no inline styles.
		expect(svg).not.toMatch(/style=/);
	});

	test('a suppressed year breaks the line', () => {
		const svg = sparkline({
			label: 'x',
			unit: 'procent',
			observations: [
				{ year: 2014, value: 10 },
				{ year: 2015, value: 20 },
				{ year: 2016, value: null },
				{ year: 2017, value: 10 },
				{ year: 2018, value: 15 }
			]
		})!;
		expect(svg.match(/M/g)).toHaveLength(2);
	});

	test('fewer than two published values draw nothing', () => {
		expect(sparkline({ label: 'x', unit: 'aantal', observations: [{ year: 2014, value: 3 }] })).toBeNull();
		expect(
			sparkline({
				label: 'x',
				unit: 'aantal',
				observations: [
					{ year: 2014, value: null },
					{ year: 2015, value: 4 }
				]
			})
		).toBeNull();
	});
});
