import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { snapshotFolder } from '../helpers/files';
import { openNodeEngine } from '../../src/lib/db/node.server';
import { fixturePaths } from '../helpers/paths';
import { publishRelease } from '../../pipelines/publish/release';
import { tempFolders } from '../helpers/temp';

const { temp } = tempFolders();

const snapshot = (dir: string) =>
	Object.fromEntries(Object.entries(snapshotFolder(dir)).map(([k, v]) => [k, v.toString('base64')]));

describe('release', () => {
	test('the same input gives a byte-identical release', async () => {
		const a = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		const b = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths: a, env: {} });
		await runPipeline({ paths: b, env: {} });
		expect(snapshot(b.published)).toEqual(snapshot(a.published));
	});

	test('a failed run leaves the previous release byte-identical', async () => {
		const good = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths: good, env: {} });
		const before = snapshot(good.published);
		const bad = { ...fixturePaths({ raw: 'tests/fixtures/pipeline/bad-date' }), published: good.published };
		await expect(runPipeline({ paths: bad, env: {} })).rejects.toThrow(/ongeldige datum/);
		expect(snapshot(good.published)).toEqual(before);
	});

	test('the published files hold no client numbers, respondent numbers or exact dates (read through DuckDB)', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		const report = await runPipeline({ paths, env: {} });
		// The input holds every kind of identifier the patterns look for, so the test can fail.
		const personal = /Z00000\d\d|^R\d+$|\d{2}-\d{2}-20\d\d|2014-06-01/;
		const input = Object.values(snapshotFolder(paths.raw))
			.map((b) => b.toString('latin1'))
			.join('\n');
		expect(input).toMatch(/Z00000\d\d/);
		expect(input).toMatch(/\d{2}-\d{2}-20\d\d/);
		// Compressed Parquet can hide a value from a byte grep: read every cell, as text, with DuckDB.
		const engine = await openNodeEngine();
		try {
			let cells = 0;
			for (const [name, table] of Object.entries(report.manifest.tables)) {
				const files = table.files.map((f) => `'${join(paths.published, f.path)}'`).join(', ');
				const rows = await engine.query<Record<string, string | null>>(
					`SELECT COLUMNS(*)::VARCHAR FROM read_parquet([${files}], hive_partitioning = true)`
				);
				expect(rows.length, name).toBe(table.rows);
				for (const row of rows)
					for (const [column, value] of Object.entries(row)) {
						cells++;
						if (value !== null) expect(value, `${name}.${column}`).not.toMatch(personal);
					}
			}
			expect(cells).toBeGreaterThan(1000);
		} finally {
			engine.close();
		}
		const manifest = readFileSync(join(paths.published, 'manifest.json'), 'utf8');
		expect(manifest).not.toMatch(/Z00000\d\d|\d{2}-\d{2}-20\d\d/);
	});

	// A merged table is written in groups of gemeenten, one group per connection: with one connection both
	// gemeenten in one partitioned COPY, with two each gemeente in a plain COPY of its own. Same bytes.
	const written = new Map<string, string[]>();
	test.each([
		['one table', false, 1],
		['a table merged from one table per gemeente', true, 1],
		['a table merged from one table per gemeente, written side by side', true, 2]
	])(
		"each gemeente's file holds its rows in the table's order, wherever the gemeente begins (%s)",
		async (_name, merged, connections) => {
			// 4.050 rows of one gemeente, then 4.750 of the next: the second begins inside a chunk of 2.048
			// rows, which DuckDB's partitioned writer (COPY … PARTITION_BY) put after the rest of its rows.
			const engine = await openNodeEngine({ threads: 1 });
			const published = temp('koers-partitions-');
			try {
				await engine.run(
					`CREATE TABLE t AS SELECT CASE WHEN i < 4050 THEN 'GM0014' ELSE 'GM0193' END AS gemeente, CAST(i AS INTEGER) AS volgnummer FROM range(8800) r(i) ORDER BY i;
					CREATE TABLE a AS SELECT * FROM t WHERE gemeente = 'GM0014';
					CREATE TABLE b AS SELECT * FROM t WHERE gemeente = 'GM0193'`
				);
				const manifest = await publishRelease({
					engine,
					publishedDir: published,
					tables: { t: 't' },
					connections,
					...(merged
						? {
								parts: {
									t: [
										{ gemeente: 'GM0014', table: 'a' },
										{ gemeente: 'GM0193', table: 'b' }
									]
								}
							}
						: {}),
					manifest: {
						version: 1,
						sample: true,
						dataDate: '2024-01-01',
						gemeenten: [],
						sources: [],
						disclosure: { secretMax: 7, roundingBase: 5, minRespondents: 30 }
					}
				});
				expect(manifest.tables['t']!.files.map((f) => f.rows)).toEqual([4050, 4750]);
				const hashes = manifest.tables['t']!.files.map((f) => f.sha256);
				for (const other of written.values()) expect(hashes).toEqual(other);
				written.set(`${merged} ${connections}`, hashes);
				for (const file of manifest.tables['t']!.files) {
					const rows = await engine.query<{ volgnummer: number }>(
						`SELECT volgnummer FROM '${join(published, file.path)}'`
					);
					const numbers = rows.map((r) => r.volgnummer);
					expect(numbers, file.path).toEqual([...numbers].sort((a, b) => a - b));
				}
			} finally {
				engine.close();
			}
		}
	);

	test('real data without a pseudonym key is refused', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline-real/real-no-key' });
		await expect(runPipeline({ paths, env: {} })).rejects.toThrow(/KOERS_PSEUDONYM_KEY/);
	});

	test('any Parquet engine can read the hive layout without the manifest', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		const report = await runPipeline({ paths, env: {} });
		const engine = await openNodeEngine();
		try {
			// What Spark, Trino or DuckDB on a server do: a glob over the folder, partitions from the paths.
			const [all] = await engine.query<{ rows: number; years: number; gemeenten: string }>(
				`SELECT CAST(count(*) AS INTEGER) AS rows, CAST(count(DISTINCT jaar) AS INTEGER) AS years, string_agg(DISTINCT gemeente) AS gemeenten
				FROM read_parquet('${paths.published}/wmo_clienten/*/*.parquet', hive_partitioning = true)`
			);
			expect(all).toEqual({
				rows: report.manifest.tables['wmo_clienten']!.rows,
				years: 2,
				gemeenten: 'GM0193'
			});
			const [one] = await engine.query<{ aantal: number }>(
				`SELECT aantal FROM read_parquet('${paths.published}/wmo_clienten/*/*.parquet', hive_partitioning = true)
				WHERE jaar = 2015 AND gebied_code = 'GM0193' AND voorziening = 'HH' AND meting = 'in_gebruik'`
			);
			expect(one?.aantal).toBe(10);
		} finally {
			engine.close();
		}
	});
});
