import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeEngine, type NodeEngine } from '../../src/lib/db/node.server';
import type { ManifestTable } from '../../src/lib/db/manifest';
import { parquetToArrow } from '../../src/lib/db/parquet-arrow';
import { sqlString } from '../../src/lib/db/query';

/**
 * The browser's Parquet → Arrow conversion (hyparquet, column by column, text kept as UTF-8 bytes)
 * against DuckDB's own reading of the same file: several row groups (so columns arrive in chunks at
 * offsets), NULLs in every type, text beyond ASCII, a 64-bit integer column, a partition value that
 * is in the path and not in the file, and a column the file does not hold.
 */
let engine: NodeEngine;
let dir: string;
beforeAll(async () => {
	engine = await openNodeEngine({ threads: 1 });
	dir = mkdtempSync(join(tmpdir(), 'koers-parquet-arrow-'));
});
afterAll(() => {
	engine?.close();
	rmSync(dir, { recursive: true, force: true });
});

const table: ManifestTable = {
	rows: 5000,
	partitionBy: ['gemeente'],
	files: [],
	columns: [
		{ name: 'gemeente', type: 'VARCHAR' },
		{ name: 'jaar', type: 'INTEGER' },
		{ name: 'gebied_naam', type: 'VARCHAR' },
		{ name: 'aantal', type: 'INTEGER' },
		{ name: 'waarde', type: 'DOUBLE' },
		{ name: 'onderdrukt', type: 'BOOLEAN' },
		{ name: 'toelichting', type: 'VARCHAR' }
	]
};

describe('parquetToArrow', () => {
	test('gives the rows DuckDB reads from the same file, in order', async () => {
		const file = join(dir, 'rows.parquet');
		// 5.000 rows in row groups of 1.024: columns come in chunks at offsets.
		await engine.run(`COPY (
			SELECT
				CAST(2010 + i % 13 AS INTEGER) AS jaar,
				CASE WHEN i % 7 = 0 THEN NULL ELSE ['Wijk 11 Diezerpoort', 'Ĳsselmeer — Noord', 'Spoolde 😀', ''][i % 4 + 1] END AS gebied_naam,
				CASE WHEN i % 5 = 0 THEN NULL ELSE CAST(i * 3 AS BIGINT) END AS aantal,
				CASE WHEN i % 11 = 0 THEN NULL ELSE i / 8.0 END AS waarde,
				CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS onderdrukt
			FROM range(5000) t(i) ORDER BY i
		) TO ${sqlString(file)} (FORMAT parquet, ROW_GROUP_SIZE 1024)`);
		const expected = await engine.query(
			`SELECT 'GM0001' AS gemeente, jaar, gebied_naam, CAST(aantal AS INTEGER) AS aantal, waarde, onderdrukt,
				NULL AS toelichting FROM read_parquet(${sqlString(file)})`
		);
		const bytes = readFileSync(file);
		const arrow = await parquetToArrow({
			file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
			table,
			partition: { gemeente: 'GM0001' }
		});
		expect(arrow.numRows).toBe(5000);
		const rows = arrow.toArray().map((r) => r.toJSON() as Record<string, unknown>);
		expect(rows).toEqual(expected);
		expect(rows.filter((r) => r.gebied_naam === null)).toHaveLength(715);
		expect(rows[3]!.gebied_naam).toBe('');
		expect(rows[2]!.gebied_naam).toBe('Spoolde 😀');
	});
});
