import { describe, expect, test } from 'vitest';
import { columnKind, formatCell } from '../../src/lib/explorer/columns';

const rows = [
	{ jaar: 2013, begrotingsjaar: 2016, aantal: 2013, aandeel: 4.25, gemeente: 'GM0193', gemengd: 1 },
	{ jaar: 2024, begrotingsjaar: null, aantal: 12216821, aandeel: 3, gemeente: 'GM0014', gemengd: 'a' }
];
const kind = (name: string) => columnKind({ name, rows });
const shown = (name: string) =>
	rows.map((r) => formatCell({ value: r[name as keyof typeof r], kind: kind(name) }));

describe('columnKind and formatCell: what the explorer prints', () => {
	test('years print as written, never with a thousands separator', () => {
		expect(shown('jaar')).toEqual(['2013', '2024']);
		expect(shown('begrotingsjaar')).toEqual(['2016', '–']);
		expect(
			formatCell({
				value: 2016,
				kind: columnKind({ name: 'year("datum")', rows: [{ 'year("datum")': 2016 }] })
			})
		).toBe('2016');
	});

	test('a count keeps its separator, even when it looks like a year', () => {
		expect(shown('aantal')).toEqual(['2.013', '12.216.821']);
	});

	test('decimals in nl-NL with two decimals; text and mixed columns as text', () => {
		expect(shown('aandeel')).toEqual(['4,25', '3,00']);
		expect(kind('gemeente')).toBe('text');
		expect(kind('gemengd')).toBe('text');
		expect(shown('gemengd')).toEqual(['1', 'a']);
	});
});
