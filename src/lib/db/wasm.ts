import { asyncBufferFromUrl } from 'hyparquet';
import type { Manifest, ManifestTable } from './manifest';
import { filesInScope, scopeKey } from './partitions';
import { parquetToArrow } from './parquet-arrow';
import { normalizeRows, QueryError, type QueryEngine, type QueryScope, type Row } from './query';

/** The engine being started (or started) and its table loader, which can take files before it is open. */
interface Live {
	engine: Promise<QueryEngine>;
	load: ReturnType<typeof partitionLoader>;
}

let live: Live | null = null;

/** The one engine of the page and its loader; after a failed start, the next call starts afresh. */
function liveEngine(dataUrl: string): Live {
	if (!live) {
		const started = instantiate();
		const connection = started.then((s) => s.conn);
		connection.catch(() => {}); // a failed start is reported by `engine`
		const load = partitionLoader(connection, dataUrl);
		const current: Live = {
			load,
			engine: start(dataUrl, started, load).catch((error: unknown) => {
				if (live === current) live = null;
				throw error;
			})
		};
		live = current;
	}
	return live;
}

/**
 * The browser's query engine: DuckDB-WASM (self-hosted "eh" bundle, loaded on first use) with every
 * published table inserted from Parquet. Call it as often as you like: it starts once.
 */
export function wasmEngine(options: { dataUrl: string }): Promise<QueryEngine> {
	return liveEngine(options.dataUrl).engine;
}

/**
 * Starts the engine and loads the partitions of `tables` that `scope` needs: they are fetched and
 * decoded on the page's thread while the engine compiles in its worker, and inserted once it is open.
 * For a control that knows what its queries will read: after this they only query.
 */
export async function preload(options: {
	dataUrl: string;
	tables: string[];
	scope?: QueryScope;
}): Promise<void> {
	const { load } = liveEngine(options.dataUrl);
	const manifest = await manifestOf(options.dataUrl);
	await Promise.all(
		options.tables.flatMap((name) =>
			manifest.tables[name] ? [load(name, manifest.tables[name], options.scope)] : []
		)
	);
}

const manifests = new Map<string, Promise<Manifest>>();

/** The release's manifest, fetched once (again after a failure). */
function manifestOf(dataUrl: string): Promise<Manifest> {
	let manifest = manifests.get(dataUrl);
	if (!manifest) {
		manifest = fetch(`${dataUrl}/manifest.json`).then(async (r) => {
			if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
			return (await r.json()) as Manifest;
		});
		manifest.catch(() => manifests.delete(dataUrl));
		manifests.set(dataUrl, manifest);
	}
	return manifest;
}

type DuckDB = typeof import('@duckdb/duckdb-wasm');
type Connection = Awaited<ReturnType<InstanceType<DuckDB['AsyncDuckDB']>['connect']>>;

async function start(
	dataUrl: string,
	starting: ReturnType<typeof instantiate>,
	load: ReturnType<typeof partitionLoader>
): Promise<QueryEngine> {
	// The manifest comes while the engine compiles. Without it the engine is of no use: its worker stops.
	const [started, read] = await Promise.allSettled([starting, manifestOf(dataUrl)]);
	if (started.status === 'rejected') throw started.reason;
	if (read.status === 'rejected') {
		await started.value.db.terminate();
		throw read.reason;
	}
	const { duckdb, db, conn } = started.value;
	const manifest = read.value;
	// The tables a query names, found by DuckDB's own lexer: a name in a string or comment is not one.
	const tablesIn = async (sql: string): Promise<[string, ManifestTable][]> => {
		const { offsets, types } = await db.tokenize(sql);
		const words = new Set<string>();
		offsets.forEach((begin, i) => {
			if (types[i] !== duckdb.TokenType.IDENTIFIER && types[i] !== duckdb.TokenType.KEYWORD) return;
			const token = sql.slice(begin, offsets[i + 1] ?? sql.length).trim();
			words.add(token.replace(/^"(.*)"$/s, '$1').toLowerCase());
		});
		return Object.entries(manifest.tables).filter(([name]) => words.has(name.toLowerCase()));
	};
	// Query cache: a release never changes under a page, so the same SQL gives the same rows. Going back
	// to a year or wijk seen before costs no query. Bounded, oldest entry out first.
	const cache = new Map<string, Row[]>();
	const CACHE_ENTRIES = 256;
	const run = async <T extends Row>(
		sql: string,
		scope: QueryScope | undefined,
		execute: () => Promise<{ toArray(): { toJSON(): unknown }[] }>
	): Promise<T[]> => {
		const key = `${scopeKey(scope)}\n${sql}`;
		const hit = cache.get(key);
		if (hit) {
			cache.delete(key);
			cache.set(key, hit);
			return [...hit] as T[];
		}
		try {
			await Promise.all((await tablesIn(sql)).map(([name, table]) => load(name, table, scope)));
			const result = await execute();
			const rows = normalizeRows<T>(result.toArray().map((r) => r.toJSON() as Record<string, unknown>));
			cache.set(key, rows);
			if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
			return [...rows];
		} catch (cause) {
			throw new QueryError(`query failed: ${(cause as Error).message}`, sql, { cause });
		}
	};

	// Benchmarks read this mark: DuckDB-WASM instantiated with the manifest read (tables load per query).
	performance.mark('koers:wasm-ready');
	return {
		query: <T extends Row = Row>(sql: string, scope?: QueryScope) =>
			run<T>(sql, scope, () => conn.query(sql)),
		queryPrepared: <T extends Row = Row>(sql: string) =>
			run<T>(sql, undefined, async () => {
				const statement = await conn.prepare(sql);
				try {
					return await statement.query();
				} finally {
					await statement.close();
				}
			})
	};
}

/** The engine's code: the DuckDB-WASM bindings, its worker script and ours in front of it (URLs). */
async function engineCode() {
	const [duckdb, worker, compiling] = await Promise.all([
		import('@duckdb/duckdb-wasm'),
		import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
		import('./duckdb-worker.js?url&no-inline')
	]);
	return { duckdb, worker, compiling };
}

/**
 * DuckDB-WASM in its worker, opened with one connection that never fetches extensions. Fails fast
 * with a Dutch message when the .wasm cannot be loaded (the worker itself would wait forever).
 */
async function instantiate() {
	const [{ duckdb, worker, compiling }, wasm] = await Promise.all([
		engineCode(),
		import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url')
	]);
	// DuckDB-WASM's worker, started through ours so the browser can cache the compiled WASM.
	const thread = new Worker(compiling.default, { name: new URL(worker.default, location.href).href });
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), thread);
	// Blocked, 404 or CSP: ask the server ourselves, and fail with a message the page can show.
	const unreachable = fetch(wasm.default, { method: 'HEAD' }).then(
		(r) => (r.ok ? new Promise<never>(() => {}) : Promise.reject(new Error(`HTTP ${r.status}`))),
		(e: unknown) => Promise.reject(e instanceof Error ? e : new Error(String(e)))
	);
	const crashed = new Promise<never>((_, reject) =>
		thread.addEventListener('error', (e) => reject(new Error(e.message || 'de rekenmodule stopte')))
	);
	try {
		await Promise.race([db.instantiate(wasm.default), unreachable, crashed]);
	} catch (error) {
		thread.terminate();
		throw new Error(`DuckDB-WASM kon niet worden geladen: ${(error as Error).message}`, { cause: error });
	}
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	// Never fetch extensions from the vendor's host: nothing leaves the site's own origin.
	await conn.query('SET autoinstall_known_extensions = false');
	await conn.query('SET autoload_known_extensions = false');
	return { duckdb, db, conn };
}

/**
 * Loads tables on first use, partition by partition: a query names the tables it needs, and a
 * scoped query (one gemeente) loads only that gemeente's partitions. A later unscoped query loads
 * the rest, so it always sees the whole table. Files are fetched and decoded in parallel as soon as
 * they are asked for, before the engine is open if need be, and inserted one at a time once the
 * connection is there (the first insert creates the table). A file that failed (network, decoding)
 * is fetched again by the next call that needs it, and does not stop the files queued after it.
 */
function partitionLoader(connection: Promise<Connection>, dataUrl: string) {
	const loadedFiles = new Map<string, Promise<void>>();
	const created = new Set<string>();
	let chain: Promise<void> = Promise.resolve();
	return (name: string, table: ManifestTable, scope: QueryScope | undefined) =>
		Promise.all(
			filesInScope(table, scope).map((f) => {
				let done = loadedFiles.get(f.path);
				if (!done) {
					const arrow = asyncBufferFromUrl({ url: `${dataUrl}/${f.path}`, byteLength: f.bytes }).then(
						(file) => parquetToArrow({ file, table, partition: f.partition })
					);
					done = chain.then(async () => {
						const conn = await connection;
						await conn.insertArrowTable(await arrow, { name, create: !created.has(name) });
						created.add(name);
					});
					done.catch(() => loadedFiles.delete(f.path));
					chain = done.catch(() => {});
					loadedFiles.set(f.path, done);
				}
				return done;
			})
		);
}

/**
 * Starts the engine in the background, before a query needs it: the reader showed intent (pointer
 * over, focus on or touch of a live control), so fetching and compiling the WASM overlaps with the
 * reader's choice. A failure is left for the query that needs the engine, which reports it.
 */
export function warmUp(options: { dataUrl: string }): void {
	wasmEngine(options).catch(() => {});
}

/**
 * The engine's code without its WASM: the DuckDB-WASM bindings and both worker scripts, fetched into
 * the HTTP cache (their names are content hashes, cached as immutable). See `prefetchWhenIdle`.
 */
export async function prefetchCode(): Promise<void> {
	const { worker, compiling } = await engineCode();
	await Promise.all(
		[worker.default, compiling.default].map((url) => fetch(url).then((r) => r.arrayBuffer()))
	);
}
