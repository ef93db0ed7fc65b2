import { createHash, createHmac } from 'node:crypto';
import { sqlIdent } from '../db/query';

/**
 * Length of a pseudonym: the first 16 hex characters (64 bits) of the HMAC-SHA256. A pseudonym only
 * tells persons apart within one gemeente's run (distinct counts, repeated care) and never leaves it;
 * two of a million persons share 64 bits with a chance below 1 in 30 million (n² / 2⁶⁵).
 */
const PSEUDONYM_LENGTH = 16;

/** A keyed pseudonym: HMAC-SHA256 of the identifier, hex, first 16 characters (64 bits). */
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
 * The key pads as blobs, decoded once per query from the parameters $ipad and $opad
 * ({@link pseudonymParameters}): a one-row FROM item beside the rows that {@link pseudonymSql} reads.
 * As a parameter inside the expression they would be decoded again for every row (a fifth of its cost).
 */
export const PSEUDONYM_PADS = '(SELECT unhex($ipad) AS hmac__ipad, unhex($opad) AS hmac__opad) hmac__pads';

/**
 * SQL for the keyed pseudonym of `column`, in the same pass that reads the rows:
 * HMAC(K, m) = SHA256((K ⊕ opad) ‖ SHA256((K ⊕ ipad) ‖ m)), which DuckDB computes with sha256 over
 * blobs. The pads come from {@link PSEUDONYM_PADS} in the query's FROM, so no key material is ever part
 * of the SQL text. The pseudonym is the same 64 bits as {@link pseudonym}'s 16 hex characters, held as
 * an unsigned 64-bit integer: the distinct counts then hash and compare a machine word, not a string of
 * hex characters, and one substring is converted instead of two halves joined into 128 bits: counting
 * distinct clients per area is the pipeline's most repeated work. A test checks it against
 * Node's own HMAC.
 */
export function pseudonymSql(column: string): string {
	const hex = `sha256(hmac__opad || unhex(sha256(hmac__ipad || encode(${sqlIdent(column)}))))`;
	return `CAST('0x' || substr(${hex}, 1, ${PSEUDONYM_LENGTH}) AS UBIGINT)`;
}
