import { createHash, createHmac } from 'node:crypto';
import { sqlIdent } from '../../src/lib/db/query';

/** Length of a pseudonym: the first 32 hex characters (128 bits) of the HMAC-SHA256. */
const PSEUDONYM_LENGTH = 32;

/** A keyed pseudonym: HMAC-SHA256 of the identifier, hex, first 32 characters (128 bits). */
export function pseudonym(options: { key: string; id: string }): string {
	return createHmac('sha256', options.key)
		.update(options.id, 'utf8')
		.digest('hex')
		.slice(0, PSEUDONYM_LENGTH);
}

/** The parameters of {@link pseudonymSql} for a key: the inner and outer HMAC key pads (RFC 2104) for SHA-256, as hex. */
export function pseudonymParameters(key: string): { ipad: string; opad: string } {
	let k = Buffer.from(key, 'utf8');
	if (k.length > 64) k = createHash('sha256').update(k).digest();
	const block = Buffer.alloc(64);
	k.copy(block);
	return {
		ipad: Buffer.from(block.map((b) => b ^ 0x36)).toString('hex'),
		opad: Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex')
	};
}

/** What identifies a person in a source, and how it is protected before anything else reads the rows. */
export interface Identifier {
	column: string;
	/** replaced by its keyed pseudonym (a column `pseudoniem`), or dropped where no count needs it */
	rule: 'pseudonymise' | 'drop';
}

/**
 * SQL for the keyed pseudonym of `column`, in the same pass that reads the rows:
 * HMAC(K, m) = SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m)), which DuckDB computes with sha256 over
 * blobs. The pads are the parameters $ipad and $opad ({@link pseudonymParameters}), so no key material
 * is ever part of the SQL text. A test checks the result against Node's own HMAC ({@link pseudonym}).
 */
export function pseudonymSql(column: string): string {
	return `left(sha256(unhex($opad) || unhex(sha256(unhex($ipad) || encode(${sqlIdent(column)})))), ${PSEUDONYM_LENGTH})`;
}
