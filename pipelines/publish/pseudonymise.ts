import { createHmac } from 'node:crypto';
import { sqlIdent } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/server/duckdb-node';

/** A keyed pseudonym: HMAC-SHA256 of the identifier, hex, first 32 characters (128 bits). */
export function pseudonym(options: { key: string; id: string }): string {
	return createHmac('sha256', options.key).update(options.id, 'utf8').digest('hex').slice(0, 32);
}

/**
 * Replaces `column` of `table` by its keyed pseudonym, in place. The distinct identifiers are
 * hashed in Node (DuckDB has no HMAC) and joined back; the clear identifier leaves the table.
 */
export async function pseudonymiseColumn(options: {
	engine: NodeEngine;
	table: string;
	column: string;
	key: string;
}): Promise<number> {
	const { engine, table, column, key } = options;
	const ids = await engine.query<{ id: string }>(
		`SELECT DISTINCT ${sqlIdent(column)} AS id FROM ${sqlIdent(table)} ORDER BY 1`
	);
	await engine.run('CREATE OR REPLACE TEMP TABLE pseudonym_map (id VARCHAR, pseudoniem VARCHAR)');
	const appender = await engine.connection.createAppender('pseudonym_map');
	for (const { id } of ids) {
		appender.appendVarchar(id);
		appender.appendVarchar(pseudonym({ key, id }));
		appender.endRow();
	}
	appender.closeSync();
	await engine.run(
		`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS SELECT m.pseudoniem, t.* EXCLUDE (${sqlIdent(column)}) FROM ${sqlIdent(table)} t JOIN pseudonym_map m ON m.id = t.${sqlIdent(column)} ORDER BY t.line`
	);
	await engine.run('DROP TABLE pseudonym_map');
	return ids.length;
}
