import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeEngine, openRelease } from '../../src/lib/db/node.server';

/** The SQL block that follows the example marker in docs/release-format.md. */
function readmeQuery(): string {
	const readme = readFileSync('docs/release-format.md', 'utf8');
	const at = readme.indexOf('<!-- example-query -->');
	expect(at, 'docs/release-format.md has the <!-- example-query --> marker').toBeGreaterThan(0);
	const block = /```sql\n([\s\S]*?)```/.exec(readme.slice(at));
	expect(block, 'an ```sql block follows the marker').not.toBeNull();
	return block![1]!;
}

describe('the example query of docs/release-format.md', () => {
	it('runs on native DuckDB over the published hive-partitioned files and agrees with the release', async () => {
		const engine = await openNodeEngine();
		const { engine: release } = await openRelease({ publishedDir: resolve('static/data') });
		try {
			const rows = await engine.query<{
				gemeente: string;
				jaar: number;
				clienten: number | null;
				inwoners: number;
				per_10000_inwoners: number | null;
			}>(readmeQuery());
			expect(new Set(rows.map((r) => r.gemeente))).toEqual(new Set(['GM0014', 'GM0193']));
			const zwolle = rows.find((r) => r.gemeente === 'GM0193' && r.jaar === 2024)!;
			const [expected] = await release.query<{ aantal: number }>(
				"SELECT aantal FROM wmo_clienten WHERE gemeente = 'GM0193' AND jaar = 2024 AND gebied_niveau = 'gemeente' AND voorziening = 'TOTAAL' AND meting = 'in_gebruik'"
			);
			expect(zwolle.clienten).toBe(expected!.aantal);
			expect(zwolle.per_10000_inwoners).toBeCloseTo((10000 * zwolle.clienten!) / zwolle.inwoners, 1);
			// Plausible: several hundred to a few thousand per 10.000 inwoners, never more than everyone.
			for (const r of rows.filter((x) => x.per_10000_inwoners !== null))
				expect(r.per_10000_inwoners!).toBeGreaterThan(0);
		} finally {
			engine.close();
			release.close();
		}
	});
});
