import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { asyncBufferFromFile } from 'hyparquet';
import { tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sampleGemeenten } from '../helpers/gemeenten';
import { openRelease, type NodeEngine } from '../../src/lib/db/node.server';
import type { Manifest } from '../../src/lib/db/manifest';
import { filesInScope } from '../../src/lib/db/partitions';
import type { Gemeente } from '../../src/lib/gemeente/types';
import { parquetToArrow } from '../../src/lib/db/parquet-arrow';
import { normalizeRows, type QueryScope, type Row } from '../../src/lib/db/query';
import { areaListSql } from '../../src/lib/measures/sql';
import { specBreakdownSql, trendSql, type MeasureSpec } from '../../src/lib/measures/spec';
import type { Unit } from '../../src/lib/format';
import { areaBasis } from '../../src/lib/measures/area-rate';
import { BBV_INDICATORS, bbvSql } from '../../src/lib/measures/bbv';
import { EXAMPLE_SQL } from '../../src/lib/explorer/guard';

const require = createRequire(import.meta.url);

interface BlockingConnection {
	query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
	insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
}

/**
 * DuckDB-WASM's Node build, with the release inserted the way the browser does (hyparquet → Arrow):
 * the files `filesInScope` picks for `scope`, as the browser loads them for a scoped page query.
 */
async function openWasm(options: { publishedDir: string; manifest: Manifest; scope?: QueryScope }) {
	const { publishedDir, manifest, scope } = options;
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const db = await duckdb.createDuckDB(
		{
			mvp: {
				mainModule: join(dist, 'duckdb-mvp.wasm'),
				mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
			},
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate(() => {});
	db.open({ query: { castBigIntToDouble: true } });
	const conn = db.connect() as BlockingConnection;
	conn.query('SET autoload_known_extensions = false');
	let files = 0;
	for (const [name, table] of Object.entries(manifest.tables)) {
		for (const [i, f] of filesInScope(table, scope).entries()) {
			const arrow = await parquetToArrow({
				file: await asyncBufferFromFile(join(publishedDir, f.path)),
				table,
				partition: f.partition
			});
			// The Node build bundles its own apache-arrow; hand it IPC bytes rather than our Table object.
			conn.insertArrowFromIPCStream(tableToIPC(arrow, 'stream'), { name, create: i === 0 });
			files++;
		}
	}
	return {
		files,
		query: <T extends Row>(sql: string) =>
			normalizeRows<T>(
				conn
					.query(sql)
					.toArray()
					.map((r) => r.toJSON())
			),
		close: () => db.reset?.()
	};
}

/** The sample release the site is built from (`npm run data`). */
const PUBLISHED = resolve('static/data');

/** Every query a gemeente's pages send: its catalogues' measures per area and level, BBV, areas. */
async function gemeenteQueries(native: NodeEngine, gemeente: Gemeente): Promise<string[]> {
	const g = gemeente.code;
	const first = async (level: string) =>
		(
			await native.query<{ code: string }>(
				`SELECT gebied_code AS code FROM gebieden WHERE gemeente = '${g}' AND gebied_niveau = '${level}' ORDER BY 1 LIMIT 1`
			)
		)[0]!.code;
	const areas = [g, await first('wijk'), await first('buurt')];
	const queries: string[] = [];
	// Each measure with its unit: a count per area is compared as a rate over the bevolking table.
	const specs: { spec: MeasureSpec; unit: Unit }[] = [
		...gemeente.catalogs
			.flatMap((c) => c.goals.flatMap((goal) => goal.streefdoelen))
			.flatMap((s) =>
				s.measure
					? [
							{
								spec: { kind: 'table' as const, table: s.measure.table, filter: s.measure.filter },
								unit: s.unit
							}
						]
					: []
			),
		...BBV_INDICATORS.map((b) => ({
			spec: { kind: 'bbv' as const, indicator: b.id },
			unit: b.per === 100 ? ('procent' as const) : ('per 10.000' as const)
		}))
	];
	for (const { spec, unit } of specs) {
		for (const area of areas) queries.push(trendSql({ spec, gemeente: g, area }));
		const years = (await native.query<{ year: number }>(trendSql({ spec, gemeente: g, area: g }))).map(
			(r) => r.year
		);
		for (const year of years.slice(-1))
			for (const level of ['wijk', 'buurt'] as const)
				queries.push(specBreakdownSql({ spec, unit, gemeente: g, level, year }));
	}
	queries.push(areaListSql({ gemeente: g, level: 'wijk' }), areaListSql({ gemeente: g, level: 'buurt' }));
	return queries;
}

describe('native DuckDB and DuckDB-WASM give the same rows for the same SQL, on the sample release', () => {
	let native: NodeEngine;
	let manifest: Manifest;
	beforeAll(async () => {
		({ engine: native, manifest } = await openRelease({ publishedDir: PUBLISHED }));
	});
	afterAll(() => native?.close());

	test.each(sampleGemeenten().map((g) => [g.code, g] as const))(
		'every page query of %s, on DuckDB-WASM loaded with only that gemeente’s partitions',
		async (code, gemeente) => {
			const wasm = await openWasm({ publishedDir: PUBLISHED, manifest, scope: { gemeente: code } });
			const all = Object.values(manifest.tables).reduce((n, t) => n + t.files.length, 0);
			// Pruning happened: the other gemeente's partitions were not loaded.
			expect(wasm.files).toBeLessThan(all);
			const queries = await gemeenteQueries(native, gemeente);
			expect(queries.length).toBeGreaterThanOrEqual(
				3 * (BBV_INDICATORS.length + gemeente.catalogs.length) + 2
			);
			let withRows = 0;
			let withPopulation = 0;
			for (const sql of queries) {
				const a = await native.query(sql);
				expect(wasm.query(sql), sql).toEqual(a);
				if (a.length > 0) withRows++;
				if (a.some((r) => typeof r['population'] === 'number')) withPopulation++;
			}
			// Equal empty results prove nothing: most queries must find rows.
			expect(withRows / queries.length).toBeGreaterThan(0.8);
			// Counts per area are compared as rates: their queries carry the population, on both engines.
			const counts = gemeente.catalogs
				.flatMap((c) => c.goals.flatMap((goal) => goal.streefdoelen))
				.filter((s) => s.measure && areaBasis({ table: s.measure.table, unit: s.unit }).kind === 'rate');
			expect(withPopulation > 0).toBe(counts.length > 0);
			wasm.close();
		}
	);

	test('queries across gemeenten (Vergelijk, Verkenner), on DuckDB-WASM loaded with everything', async () => {
		const wasm = await openWasm({ publishedDir: PUBLISHED, manifest });
		const queries = [
			EXAMPLE_SQL,
			...BBV_INDICATORS.map((b) => bbvSql({ indicator: b, level: 'gemeente' })),
			'SELECT gemeente, gebied_niveau, count(*)::INTEGER AS n, count(aantal)::INTEGER AS published, sum(aantal)::DOUBLE AS total FROM wmo_clienten GROUP BY ALL ORDER BY ALL'
		];
		for (const sql of queries) {
			const a = await native.query(sql);
			expect(a.length, sql).toBeGreaterThan(0);
			expect(wasm.query(sql), sql).toEqual(a);
		}
		expect(new Set((await native.query<{ gemeente: string }>(EXAMPLE_SQL)).map((r) => r.gemeente)).size).toBe(
			manifest.gemeenten.length
		);
		wasm.close();
	});
});
