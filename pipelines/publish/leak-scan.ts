import { FORBIDDEN_COLUMN, findIdentifiers } from '../../src/lib/disclosure/identifiers';
import { sqlIdent } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { tablesSideBySide } from '../side-by-side';

/**
 * Scans tables about to be published for direct identifiers: personal column names, DATE columns
 * (no exact dates are published), and text values that hold a BSN, a postcode or an exact date.
 * Returns the findings; an empty list means the tables may be published.
 */
export async function leakScan(options: {
	engine: NodeEngine;
	tables: string[];
	/** how many tables are scanned at a time, each on its own connection and one thread (default 1) */
	connections?: number;
}): Promise<string[]> {
	const { engine, tables } = options;
	const perTable = await tablesSideBySide({
		engine,
		count: options.connections ?? 1,
		items: tables,
		task: scanTable
	});
	return perTable.flat();
}

/** The findings of {@link leakScan} in one table. */
async function scanTable(engine: NodeEngine, table: string): Promise<string[]> {
	const findings: string[] = [];
	const columns = await engine.query<{ column_name: string; column_type: string }>(
		`DESCRIBE ${sqlIdent(table)}`
	);
	for (const { column_name, column_type } of columns) {
		if (FORBIDDEN_COLUMN.test(column_name))
			findings.push(`${table}: kolomnaam "${column_name}" wijst op persoonsgegevens`);
		if (/DATE|TIME/.test(column_type))
			findings.push(`${table}: kolom "${column_name}" bevat exacte datums (${column_type})`);
	}
	// One query for the distinct values of all its text columns, in column order (one statement per
	// column cost a planned query each).
	const text = columns.filter((c) => c.column_type === 'VARCHAR').map((c) => c.column_name);
	if (text.length === 0) return findings;
	const values = await engine.query<{ c: number; v: string }>(
		`${text.map((c, i) => `SELECT ${i} AS c, v FROM (SELECT DISTINCT ${sqlIdent(c)} AS v FROM ${sqlIdent(table)} WHERE ${sqlIdent(c)} IS NOT NULL)`).join(' UNION ALL ')} ORDER BY c, v`
	);
	for (const { c, v } of values)
		for (const f of findIdentifiers(v)) findings.push(`${table}.${text[c]}: ${f}`);
	return findings;
}
