/**
 * One query interface for native DuckDB (build time, pipelines, tests) and DuckDB-WASM (browser), so
 * the same SQL text serves both. Values come back as plain JS: BIGINT becomes number.
 */

/** A value in a result row. */
type Value = string | number | boolean | null;
/** A result row. */
export type Row = Record<string, Value>;

/**
 * What a query needs of the release. `gemeente`: the query reads only that gemeente's rows (it
 * filters on it itself), so an engine that loads data lazily may load just that gemeente's partitions.
 * Without a scope, everything the query names is loaded.
 */
export interface QueryScope {
	gemeente?: string;
	/** the benchmark's partition: one indicator for all gemeenten */
	indicator?: string;
}

/** Anything that runs SQL and returns rows. */
export interface QueryEngine {
	query<T extends Row = Row>(sql: string, scope?: QueryScope): Promise<T[]>;
	/**
	 * Runs the text as a prepared statement, which DuckDB refuses when the text holds more than one
	 * statement (the explorer's guard builds on that).
	 */
	queryPrepared<T extends Row = Row>(sql: string): Promise<T[]>;
}

/** A failed query; keeps the SQL and the engine's own message as `cause`. */
export class QueryError extends Error {
	override name = 'QueryError';
	constructor(
		message: string,
		readonly sql: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

/** Converts engine-specific values (bigint, Date, typed numbers) to plain JS values. */
function normalizeValue(value: unknown): Value {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value);
}

/** Normalizes every value of every row. */
export function normalizeRows<T extends Row>(rows: Record<string, unknown>[]): T[] {
	return rows.map((row) => {
		const out: Row = {};
		for (const [k, v] of Object.entries(row)) out[k] = normalizeValue(v);
		return out as T;
	});
}

/** Quotes a string as a SQL literal. */
export function sqlString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes an identifier. */
export function sqlIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}
