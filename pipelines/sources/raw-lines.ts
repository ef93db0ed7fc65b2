import { sqlIdent, sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import type { FileSchema } from '../../src/lib/schemas/column';
import type { Layout } from './csv-layout';
import { fileIssue, refuseRows } from './refuse';

// A file's rows as numbered text lines, read for the query that checks them, and the line order the
// checked rows keep: the clean rows, and so the release, follow the file.

/**
 * The rows of a file as text, numbered as lines of the file (`line`, the header being line 1), with
 * the columns the schema allows to be absent added as empty text, so the checks see every column.
 */
export interface RawLines {
	/** the name the checks read them under (a CTE of the checking query, or the table) */
	name: string;
	/** reads them: one CSV scan, in the file's order */
	sql: string;
	/**
	 * keeps them in a table of that name, once, for what reads them again (the problems of bad lines,
	 * a refusal); refuses a file that cannot be read as CSV, naming the line
	 */
	table(): Promise<string>;
}

/** The {@link RawLines} of the CSV file at `path` (UTF-8), read with its layout. */
export function rawLines(options: {
	engine: NodeEngine;
	path: string;
	file: string;
	schema: FileSchema;
	layout: Layout;
	table: string;
}): RawLines {
	const { engine, path, file, schema, layout, table } = options;
	const { names, delimiter } = layout;
	const absent = schema.columns
		.filter((c) => c.optionalInHeader && !layout.columnNumbers.has(c.name))
		.map((c) => `, CAST(NULL AS VARCHAR) AS ${sqlIdent(c.name)}`)
		.join('');
	// row_number() without a window runs in one streaming operator, in the order the reader gives the
	// rows: the file's (tests/pipeline/line-order.test.ts reads a file of several buffers on two threads).
	// Not parallel = false: that reader takes an unterminated quote for a value up to the end of the file.
	const sql = `SELECT CAST(row_number() OVER () + 1 AS INTEGER) AS line, *${absent} FROM read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', strict_mode = true, auto_detect = false, columns = {${names.map((n) => `${sqlString(n.toLowerCase())}: 'VARCHAR'`).join(', ')}})`;
	let kept: Promise<string> | null = null;
	return {
		name: table,
		sql,
		table: () =>
			(kept ??= engine.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS ${sql}`).then(
				() => table,
				(cause: unknown) => {
					const message = (cause as Error).message.replace(/^statement failed: /, '');
					return refuseRows(file, [
						fileIssue(
							file,
							Number(/Line: (\d+)/.exec(message)?.[1]) || null,
							`het bestand kan niet als CSV gelezen worden (${message.split('\n')[0]}): controleer scheidingsteken en aanhalingstekens`
						)
					]);
				}
			))
	};
}

/**
 * Whether a table of checked rows is in line order, the order of the file: then its n-th row (rowid
 * n - 1) is line n + 1, the header being line 1. True for an empty table.
 */
export const LINE_ORDER = 'coalesce(bool_and(line = rowid + 2), true)';

/**
 * Puts the rows of `table` in line order, when the plan that wrote them did not keep the file's order
 * (checkedRowsSql does not sort): the clean rows, and so the release, keep the order of the file.
 */
export async function sortByLine(engine: NodeEngine, table: string): Promise<void> {
	const sorted = sqlIdent(`${table}__sorted`);
	await engine.run(
		`CREATE OR REPLACE TABLE ${sorted} AS SELECT * FROM ${sqlIdent(table)} ORDER BY line; DROP TABLE ${sqlIdent(table)}; ALTER TABLE ${sorted} RENAME TO ${sqlIdent(table)}`
	);
}

/** Whether the rows of `table` (with a column `line`) are in line order; see {@link LINE_ORDER}. */
export async function inLineOrder(engine: NodeEngine, table: string): Promise<boolean> {
	const [row] = await engine.query<{ ordered: boolean }>(
		`SELECT ${LINE_ORDER} AS ordered FROM ${sqlIdent(table)}`
	);
	return row?.ordered === true;
}
