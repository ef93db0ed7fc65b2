import { describe, expect, test } from 'vitest';
import {
	PSEUDONYM_PADS,
	pseudonym,
	pseudonymParameters,
	pseudonymSql
} from '../../src/lib/disclosure/pseudonymise';
import { openNodeEngine } from '../../src/lib/db/node.server';

describe('pseudonymisation', () => {
	test.each([
		['a short key', 'geheim'],
		['a key with non-ASCII characters', 'sleutel-é€ÿ'],
		['a key longer than the SHA-256 block', 'k'.repeat(100)]
	])('SQL HMAC-SHA256 equals Node HMAC-SHA256 with %s', async (_name, key) => {
		const engine = await openNodeEngine();
		try {
			const ids = ['Z0000011', '111222333', 'é€x', ''];
			await engine.run(
				`CREATE TABLE t AS SELECT line, ${pseudonymSql('clientnummer')} AS pseudoniem FROM (VALUES ${ids.map((id, i) => `(${i}, '${id}')`).join(', ')}) v(line, clientnummer), ${PSEUDONYM_PADS}`,
				pseudonymParameters(key)
			);
			// The SQL pseudonym is the same 64 bits as a number: as 16 hex digits, Node's pseudonym.
			const rows = await engine.query<{ line: number; pseudoniem: string }>(
				'SELECT line, CAST(pseudoniem AS VARCHAR) AS pseudoniem FROM t ORDER BY line'
			);
			expect(rows.map((r) => BigInt(r.pseudoniem).toString(16).padStart(16, '0'))).toEqual(
				ids.map((id) => pseudonym({ key, id }))
			);
		} finally {
			engine.close();
		}
	});
});
