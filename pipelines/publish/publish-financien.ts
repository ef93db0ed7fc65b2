import { sqlIdent, sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';

/**
 * Money is not personal data: the financial tables are published as delivered (amounts as DOUBLE
 * euros), with the gemeente added and a stable order. Reconciliation happens on top of these.
 */
export async function publishFinancialTable(options: {
	engine: NodeEngine;
	gemeente: string;
	table: string;
	order: string[];
}): Promise<string> {
	const { engine, gemeente, table, order } = options;
	const target = `pub_${table}`;
	const columns = await engine.query<{ column_name: string; column_type: string }>(
		`DESCRIBE ${sqlIdent(table)}`
	);
	const select = columns
		.filter((c) => c.column_name !== 'line')
		.map((c) =>
			c.column_type === 'DOUBLE' || c.column_type === 'INTEGER' || c.column_type === 'VARCHAR'
				? sqlIdent(c.column_name)
				: `CAST(${sqlIdent(c.column_name)} AS VARCHAR) AS ${sqlIdent(c.column_name)}`
		)
		.join(', ');
	await engine.run(
		`CREATE OR REPLACE TABLE ${sqlIdent(target)} AS SELECT ${sqlString(gemeente)} AS gemeente, ${select} FROM ${sqlIdent(table)} ORDER BY ${order.map(sqlIdent).join(', ')}`
	);
	return target;
}
