import { describe, expect, test } from 'vitest';
import { readManifest } from '../../src/lib/db/node.server';
import { TABLES } from '../../src/lib/measures/tables';

describe('published tables', () => {
	test.each(Object.entries(TABLES))(
		'%s declares its value and standard-error columns among its columns, and its own name',
		(key, table) => {
			const columns = Object.keys(table.columns);
			if (table.valueColumn) expect(columns).toContain(table.valueColumn);
			if (table.standardErrorColumn) expect(columns).toContain(table.standardErrorColumn);
			expect(table.name).toBe(key);
		}
	);

	test('the surveys, and only they, carry a standard error in the sample release', () => {
		const manifest = readManifest('static/data');
		const withSe = Object.entries(manifest.tables)
			.filter(([, t]) => t.columns.some((c) => c.name === 'standaardfout'))
			.map(([name]) => name)
			.sort();
		expect(withSe).toEqual(['bvb_schaalscores', 'clientervaring']);
		for (const name of withSe)
			expect(
				(TABLES as Record<string, { standardErrorColumn: string | null }>)[name]?.standardErrorColumn
			).toBe('standaardfout');
	});
});
