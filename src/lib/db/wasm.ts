import { asyncBufferFromUrl } from 'hyparquet';
import type { Manifest } from './manifest';
import { parquetToArrow } from './parquet-arrow';
import { normalizeRows, QueryError, type QueryEngine, type Row } from './query';

let pending: Promise<QueryEngine> | null = null;

/**
 * The browser's query engine: DuckDB-WASM (self-hosted "eh" bundle, loaded on first use) with every
 * published table inserted from Parquet. Call it as often as you like: it starts once.
 */
export function wasmEngine(options: { dataUrl: string }): Promise<QueryEngine> {
	pending ??= start(options.dataUrl).catch((error: unknown) => {
		pending = null;
		throw error;
	});
	return pending;
}

async function start(dataUrl: string): Promise<QueryEngine> {
	const [duckdb, wasm, worker] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url')
	]);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(worker.default));
	await db.instantiate(wasm.default);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	// Never fetch extensions from the vendor's host: nothing leaves the site's own origin.
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');

	const manifest = (await (await fetch(`${dataUrl}/manifest.json`)).json()) as Manifest;
	await Promise.all(
		Object.entries(manifest.tables).map(async ([name, table]) => {
			for (const f of table.files) {
				const file = await asyncBufferFromUrl({ url: `${dataUrl}/${f.path}`, byteLength: f.bytes });
				await conn.insertArrowTable(await parquetToArrow({ file, table, partition: f.partition }), {
					name,
					create: !(await exists(name))
				});
			}
		})
	);
	async function exists(name: string): Promise<boolean> {
		const r = await conn.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${name}'`);
		return Number(r.toArray()[0]?.n ?? 0) > 0;
	}

	// Benchmarks read this mark: the moment DuckDB-WASM is ready with every table loaded.
	performance.mark('koers:wasm-ready');
	return {
		async query<T extends Row = Row>(sql: string): Promise<T[]> {
			try {
				const result = await conn.query(sql);
				return normalizeRows<T>(result.toArray().map((r) => r.toJSON() as Record<string, unknown>));
			} catch (cause) {
				throw new QueryError(`query failed: ${(cause as Error).message}`, sql, { cause });
			}
		}
	};
}
