import { asyncBufferFromUrl } from 'hyparquet';
import type { Manifest, ManifestTable } from './manifest';
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
	// Tables are loaded on first use: a query names the tables it needs, and only those are fetched.
	const loaded = new Map<string, Promise<void>>();
	const load = (name: string, table: ManifestTable) =>
		loaded.get(name) ??
		loaded
			.set(
				name,
				(async () => {
					for (const [i, f] of table.files.entries()) {
						const file = await asyncBufferFromUrl({ url: `${dataUrl}/${f.path}`, byteLength: f.bytes });
						await conn.insertArrowTable(await parquetToArrow({ file, table, partition: f.partition }), {
							name,
							create: i === 0
						});
					}
				})()
			)
			.get(name)!;
	const tablesIn = (sql: string) =>
		Object.entries(manifest.tables).filter(([name]) => new RegExp(`\\b${name}\\b`).test(sql));

	// Benchmarks read this mark: DuckDB-WASM instantiated with the manifest read (tables load per query).
	performance.mark('koers:wasm-ready');
	return {
		async query<T extends Row = Row>(sql: string): Promise<T[]> {
			try {
				await Promise.all(tablesIn(sql).map(([name, table]) => load(name, table)));
				const result = await conn.query(sql);
				return normalizeRows<T>(result.toArray().map((r) => r.toJSON() as Record<string, unknown>));
			} catch (cause) {
				throw new QueryError(`query failed: ${(cause as Error).message}`, sql, { cause });
			}
		}
	};
}
