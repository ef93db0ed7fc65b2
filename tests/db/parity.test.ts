import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asyncBufferFromFile } from 'hyparquet';
import { tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { sampleCatalogs } from '../helpers/gemeenten';
import { openRelease, type NodeEngine } from '../../src/lib/server/duckdb-node';
import { parquetToArrow } from '../../src/lib/db/parquet-arrow';
import { normalizeRows, type Row } from '../../src/lib/db/query';
import { areasSql, observationsSql } from '../../src/lib/measures/sql';
import { areaSql, trendSql } from '../../src/lib/measures/spec';
import { BBV_INDICATORS } from '../../src/lib/measures/bbv';
import { EXAMPLE_SQL } from '../../src/lib/explorer/guard';
import { fixturePaths } from '../helpers/paths';

const require = createRequire(import.meta.url);

interface BlockingConnection {
	query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
	insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
}

/** DuckDB-WASM's Node build, with the release inserted the same way the browser does (hyparquet → Arrow). */
async function openWasm(publishedDir: string, manifest: Awaited<ReturnType<typeof openRelease>>['manifest']) {
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
	for (const [name, table] of Object.entries(manifest.tables)) {
		for (const [i, f] of table.files.entries()) {
			const arrow = await parquetToArrow({
				file: await asyncBufferFromFile(join(publishedDir, f.path)),
				table,
				partition: f.partition
			});
			// The Node build bundles its own apache-arrow; hand it IPC bytes rather than our Table object.
			conn.insertArrowFromIPCStream(tableToIPC(arrow, 'stream'), { name, create: i === 0 });
		}
	}
	return {
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

describe('native DuckDB and DuckDB-WASM give the same rows for the same SQL', () => {
	let native: NodeEngine;
	let wasm: Awaited<ReturnType<typeof openWasm>>;
	const queries: string[] = [];

	beforeAll(async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths, env: {} });
		const release = await openRelease({ publishedDir: paths.published });
		native = release.engine;
		wasm = await openWasm(paths.published, release.manifest);
		const [catalog] = sampleCatalogs();
		for (const s of catalog!.goals.flatMap((g) => g.streefdoelen)) {
			if (!s.measure) continue;
			expect(release.manifest.tables, `fixture delivers ${s.measure.table}`).toHaveProperty(s.measure.table);
			for (const area of ['GM0193', 'WK019310', 'BU01931000'])
				queries.push(observationsSql({ measure: s.measure, gemeente: 'GM0193', area }));
		}
		// The views' SQL: areas per level and year, BBV ratios, explorer's example.
		for (const s of catalog!.goals.flatMap((g) => g.streefdoelen)) {
			if (!s.measure) continue;
			const spec = { kind: 'table' as const, table: s.measure.table, filter: s.measure.filter };
			for (const level of ['wijk', 'buurt'] as const)
				queries.push(areaSql({ spec, gemeente: 'GM0193', level, year: 2016 }));
		}
		for (const b of BBV_INDICATORS) {
			const spec = { kind: 'bbv' as const, indicator: b.id };
			queries.push(trendSql({ spec, gemeente: 'GM0193', area: 'GM0193' }));
			queries.push(trendSql({ spec, gemeente: 'GM0193', area: 'WK019310' }));
			queries.push(areaSql({ spec, gemeente: 'GM0193', level: 'wijk', year: 2020 }));
		}
		queries.push(EXAMPLE_SQL);
		queries.push(
			areasSql({ gemeente: 'GM0193', level: 'wijk' }),
			areasSql({ gemeente: 'GM0193', level: 'buurt' })
		);
		queries.push(
			'SELECT gebied_niveau, count(*)::INTEGER AS n, count(aantal)::INTEGER AS published, sum(aantal)::DOUBLE AS total FROM wmo_clienten GROUP BY ALL ORDER BY 1'
		);
	});
	afterAll(() => native?.close());

	test('every page query', async () => {
		expect(queries.length).toBeGreaterThan(20);
		for (const sql of queries) {
			const a = await native.query(sql);
			const b = wasm.query(sql);
			expect(b, sql).toEqual(a);
			// Every query must return rows for the gemeente; some tables have no buurt level.
			if (sql.includes("gebied_code = 'GM0193'")) expect(a.length, sql).toBeGreaterThan(0);
		}
	});
});
