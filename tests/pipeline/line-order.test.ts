import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { inLineOrder, sortByLine } from '../../pipelines/sources/raw-lines';
import { meldingSchema } from '../../src/lib/schemas/participatie';
import { openNodeEngine } from '../../src/lib/db/node.server';
import { withLoadedExport } from '../helpers/exports';

/**
 * The checked rows are not sorted by the checking query: they keep the file's order because the plan
 * keeps it, and a table whose rows are not in line order is sorted before its clean rows are kept. The
 * clean rows, and so the release, follow the file either way.
 */
const dir = mkdtempSync(join(tmpdir(), 'koers-line-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'meldingnummer;meldingsdatum;buurtcode;leeftijdsklasse;bijstandsaanvraag';
const CLASSES = ['18-26', '27-44', '45-64', '65+'];

/** 5.000 rows over several 2.048-row chunks, with duplicates, a bad date and an unknown code among them. */
function csv(): string {
	const rows: string[] = [];
	for (let i = 0; i < 5000; i++) {
		const day = String((i % 28) + 1).padStart(2, '0');
		const date = i === 2500 ? '31-02-2016' : `${day}-0${(i % 9) + 1}-2016`;
		const klasse = i === 4100 ? '99+' : CLASSES[i % 4];
		// every 700th row repeats the key of the row before it: a duplicate, quarantined
		const id = i % 700 === 1 ? `M${i - 1}` : `M${i}`;
		rows.push([id, date, 'BU01931000', klasse, i % 3 === 0 ? 'ja' : 'nee'].join(';'));
	}
	return [HEADER, ...rows].join('\n') + '\n';
}

describe('checked rows in line order', () => {
	for (const threads of [1, 2]) {
		test(`the clean rows keep the file's order (${threads} DuckDB thread${threads > 1 ? 's' : ''})`, async () => {
			await withLoadedExport(
				{ path: join(dir, `meldingen-${threads}.csv`), content: csv(), schema: meldingSchema, threads },
				async (engine, loaded) => {
					expect(loaded.rows).toBe(5000);
					expect(loaded.quarantined).toBeGreaterThan(0);
					const lines = (await engine.query<{ line: number }>('SELECT line FROM pw_meldingen')).map(
						(r) => r.line
					);
					expect(lines).toHaveLength(loaded.published);
					expect(lines.every((l, i) => i === 0 || l > lines[i - 1]!)).toBe(true);
					// the rows left out are exactly the quarantined ones
					expect(lines).not.toContain(2502);
					expect(lines).not.toContain(4102);
				}
			);
		});
	}

	test('lines are numbered as in the file over several read buffers, on two threads', async () => {
		// 1.000.000 rows, about 40 MB: more than one buffer of DuckDB's CSV reader (32 MB), so the
		// reader's buffers (and two threads) would show if the numbering did not follow the file.
		const rows: string[] = [HEADER];
		for (let i = 0; i < 1_000_000; i++)
			rows.push(`M${i};${i === 950_000 ? '31-02-2016' : '04-01-2016'};BU01931000;27-44;nee`);
		const content = rows.join('\n') + '\n';
		await withLoadedExport(
			{ path: join(dir, 'groot.csv'), content, schema: meldingSchema, threads: 2 },
			async (engine, loaded) => {
				expect(loaded.rows).toBe(1_000_000);
				expect(loaded.issues.map((i) => [i.line, i.value])).toEqual([[950_002, '31-02-2016']]);
				const [last] = await engine.query<{ line: number; meldingnummer: string }>(
					'SELECT line, meldingnummer FROM pw_meldingen WHERE line = 999_999'
				);
				expect(last).toEqual({ line: 999_999, meldingnummer: 'M999997' });
			}
		);
	});

	test('a table out of line order is found and sorted, its rows unchanged', async () => {
		const engine = await openNodeEngine({ threads: 1 });
		try {
			await engine.run(
				'CREATE TABLE t AS SELECT CAST(i + 2 AS INTEGER) AS line, i * 10 AS v FROM range(5000) r(i) ORDER BY (i * 7919) % 5000'
			);
			expect(await inLineOrder(engine, 't')).toBe(false);
			await sortByLine(engine, 't');
			expect(await inLineOrder(engine, 't')).toBe(true);
			const rows = await engine.query<{ line: number; v: number }>('SELECT line, v FROM t');
			expect(rows).toHaveLength(5000);
			expect(rows.every((r, i) => r.line === i + 2 && r.v === i * 10)).toBe(true);
			await engine.run('CREATE TABLE e (line INTEGER)');
			expect(await inLineOrder(engine, 'e')).toBe(true);
		} finally {
			engine.close();
		}
	});
});
