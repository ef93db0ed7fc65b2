import { createHash, createHmac } from 'node:crypto';
import { sqlIdent } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';

/** Length of a pseudonym: the first 32 hex characters (128 bits) of the HMAC-SHA256. */
const PSEUDONYM_LENGTH = 32;

/** A keyed pseudonym: HMAC-SHA256 of the identifier, hex, first 32 characters (128 bits). */
export function pseudonym(options: { key: string; id: string }): string {
	return createHmac('sha256', options.key)
		.update(options.id, 'utf8')
		.digest('hex')
		.slice(0, PSEUDONYM_LENGTH);
}

/** The inner and outer HMAC key pads (RFC 2104) for SHA-256, as hex. */
function hmacPads(key: string): { ipad: string; opad: string } {
	let k = Buffer.from(key, 'utf8');
	if (k.length > 64) k = createHash('sha256').update(k).digest();
	const block = Buffer.alloc(64);
	k.copy(block);
	return {
		ipad: Buffer.from(block.map((b) => b ^ 0x36)).toString('hex'),
		opad: Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex')
	};
}

/**
 * Replaces `column` of `table` by its keyed pseudonym, in place, in one SQL pass:
 * HMAC(K, m) = SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m)), which DuckDB can compute with sha256 over
 * blobs. The pads are bound as parameters, so no key material is ever part of the SQL text. A test
 * checks the result against Node's own HMAC ({@link pseudonym}).
 */
export async function pseudonymiseColumn(options: {
	engine: NodeEngine;
	table: string;
	column: string;
	key: string;
}): Promise<void> {
	const { engine, table, column, key } = options;
	const { ipad, opad } = hmacPads(key);
	const id = sqlIdent(column);
	await engine.connection.run(
		`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS
		SELECT left(sha256(unhex($opad) || unhex(sha256(unhex($ipad) || encode(${id})))), ${PSEUDONYM_LENGTH}) AS pseudoniem, * EXCLUDE (${id})
		FROM ${sqlIdent(table)} ORDER BY line`,
		{ ipad, opad }
	);
}
