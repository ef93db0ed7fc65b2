import {
	DOUBLE,
	DuckDBDataChunk,
	DuckDBInstance,
	INTEGER,
	VARCHAR,
	type DuckDBConnection
} from '@duckdb/node-api';
import { normalizeRows, QueryError, sqlIdent, sqlString, type QueryEngine, type Row } from './query';
import type { Manifest } from './manifest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Native DuckDB behind the shared {@link QueryEngine} interface, plus statements for the pipelines.
 * Both engines live in this folder (the browser's is ./wasm.ts), imported by the pipelines, the build
 * and the tests alike; `.server` keeps this one out of any browser bundle (SvelteKit refuses it).
 */
export interface NodeEngine extends QueryEngine {
	connection: DuckDBConnection;
	/** runs a statement; `parameters` are bound to its $names, so their values are never part of the SQL text */
	run(sql: string, parameters?: Record<string, string>): Promise<void>;
	/**
	 * A second connection to the same database whose unqualified names live in `schema` (created here),
	 * falling back to main: work in parallel on the same in-memory tables. Closing it keeps the database.
	 */
	fork(schema: string): Promise<NodeEngine>;
	close(): void;
}

/**
 * Opens an in-memory native DuckDB. With a memory limit, DuckDB keeps its buffers under it and writes
 * what does not fit to `tempDirectory` (the caller makes it owner-only and removes it).
 */
export async function openNodeEngine(
	options: { threads?: number; memoryLimit?: string; tempDirectory?: string } = {}
): Promise<NodeEngine> {
	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(options.threads ?? 2),
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false',
		...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
		...(options.tempDirectory ? { temp_directory: options.tempDirectory } : {})
	});
	return connectionEngine(instance, await instance.connect(), () => instance.closeSync());
}

function connectionEngine(
	instance: DuckDBInstance,
	connection: DuckDBConnection,
	closeInstance: () => void
): NodeEngine {
	return {
		connection,
		async fork(schema: string): Promise<NodeEngine> {
			await connection.run(`CREATE SCHEMA IF NOT EXISTS ${sqlIdent(schema)}`);
			const forked = await instance.connect();
			await forked.run(
				`USE memory.${sqlIdent(schema)}; SET search_path = ${sqlString(`memory.${schema},memory.main`)}`
			);
			return connectionEngine(instance, forked, () => {});
		},
		async query<T extends Row = Row>(sql: string): Promise<T[]> {
			try {
				const reader = await connection.runAndReadAll(sql);
				return normalizeRows<T>(reader.getRowObjectsJS() as Record<string, unknown>[]);
			} catch (cause) {
				throw new QueryError(`query failed: ${(cause as Error).message}`, sql, { cause });
			}
		},
		async queryPrepared<T extends Row = Row>(sql: string): Promise<T[]> {
			try {
				const prepared = await connection.prepare(sql);
				const reader = await prepared.runAndReadAll();
				return normalizeRows<T>(reader.getRowObjectsJS() as Record<string, unknown>[]);
			} catch (cause) {
				throw new QueryError(`query failed: ${(cause as Error).message}`, sql, { cause });
			}
		},
		async run(sql: string, parameters?: Record<string, string>): Promise<void> {
			try {
				await connection.run(sql, parameters);
			} catch (cause) {
				throw new QueryError(`statement failed: ${(cause as Error).message}`, sql, { cause });
			}
		},
		close() {
			connection.closeSync();
			closeInstance();
		}
	};
}

/** A column of values for {@link appendColumns}, with its DuckDB type. */
export type AppendColumn =
	| { type: 'VARCHAR'; values: readonly (string | null)[] }
	| { type: 'INTEGER' | 'DOUBLE'; values: readonly (number | null)[] };

/** How many rows go to DuckDB's appender at a time: its vector size. */
const APPEND_CHUNK = 2048;

/**
 * Appends rows, given column by column, to an existing table in the connection's current schema with
 * DuckDB's appender, a chunk of 2.048 rows at a time. Much cheaper than a long VALUES list (which
 * DuckDB plans as an expression per cell) or one appender call per value (about 20 µs a row).
 */
export async function appendColumns(
	engine: NodeEngine,
	table: string,
	columns: AppendColumn[]
): Promise<void> {
	const [{ schema } = { schema: 'main' }] = await engine.query<{ schema: string }>(
		'SELECT current_schema() AS schema'
	);
	const types = columns.map((c) =>
		c.type === 'VARCHAR' ? VARCHAR : c.type === 'INTEGER' ? INTEGER : DOUBLE
	);
	const rows = columns[0]?.values.length ?? 0;
	const appender = await engine.connection.createAppender(table, schema);
	try {
		for (let at = 0; at < rows; at += APPEND_CHUNK) {
			const n = Math.min(APPEND_CHUNK, rows - at);
			const chunk = DuckDBDataChunk.create(types, n);
			chunk.setColumns(columns.map((c) => c.values.slice(at, at + n)));
			appender.appendDataChunk(chunk);
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
}

/** Reads a release manifest from a published folder. */
export function readManifest(publishedDir: string): Manifest {
	const path = join(publishedDir, 'manifest.json');
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
	} catch (cause) {
		throw new Error(`no published release at ${path}: run "npm run data" first`, { cause });
	}
}

/** Opens native DuckDB with one view per published table, named as in the browser. */
export async function openRelease(options: {
	publishedDir: string;
	/** the release's manifest when the caller has read it already */
	manifest?: Manifest;
}): Promise<{ engine: NodeEngine; manifest: Manifest }> {
	const manifest = options.manifest ?? readManifest(options.publishedDir);
	const engine = await openNodeEngine();
	for (const [name, table] of Object.entries(manifest.tables)) {
		const files = table.files.map((f) => sqlString(join(options.publishedDir, f.path))).join(', ');
		// Hive partitioning restores the partition columns from the paths, typed as published.
		const types = table.partitionBy.map(
			(k) => `${sqlString(k)}: ${table.columns.find((c) => c.name === k)?.type ?? 'VARCHAR'}`
		);
		const hive =
			table.partitionBy.length > 0
				? `, hive_partitioning = true, hive_types = {${types.join(', ')}}`
				: ', hive_partitioning = false';
		const order = table.columns.map((c) => sqlIdent(c.name)).join(', ');
		await engine.run(`CREATE VIEW ${sqlIdent(name)} AS SELECT ${order} FROM read_parquet([${files}]${hive})`);
	}
	return { engine, manifest };
}
