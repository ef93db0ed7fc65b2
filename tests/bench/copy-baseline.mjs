/**
 * The pipeline benchmark's baseline as a plain Node script (`node tests/bench/copy-baseline.mjs <raw>
 * <out>`): DuckDB's own COPY of every CSV the pipeline reads to Parquet, started without tsx or any
 * module of Koers, as the simplest program that does the reading and writing would be. Prints one JSON
 * line like tests/bench/child.ts; `ms` starts when DuckDB is loaded.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [raw, out] = process.argv.slice(2);
if (!raw || !out) throw new Error('usage: node tests/bench/copy-baseline.mjs <raw> <out>');
const t0 = performance.now();
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
mkdirSync(out, { recursive: true });
for (const gemeente of readdirSync(raw).filter((d) => /^GM\d{4}$/.test(d))) {
	for (const file of readdirSync(join(raw, gemeente)).filter((n) => n.endsWith('.csv'))) {
		await connection.run(
			`COPY (SELECT * FROM read_csv(${quote(join(raw, gemeente, file))}, delim = ';', header = true)) TO ${quote(join(out, `${gemeente}-${file}.parquet`))} (FORMAT parquet)`
		);
	}
}
connection.closeSync();
console.log(
	JSON.stringify({
		ms: performance.now() - t0,
		rows: 0,
		maxRssKiB: process.resourceUsage().maxRSS,
		stages: {}
	})
);
