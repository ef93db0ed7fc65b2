/**
 * One measured run in a process of its own, so its peak memory (max RSS, DuckDB included) is its own:
 * `pipeline <raw> <published> <warehouse>` runs the full pipeline; `copy <raw> <out>` the baseline,
 * a plain DuckDB COPY of the same CSV files to Parquet. Prints one JSON line; `ms` starts when the
 * modules are loaded (the parent times the whole process, its start included).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeEngine } from '../../src/lib/db/node.server';
import { sqlString } from '../../src/lib/db/query';

const [mode, raw, out, warehouse] = process.argv.slice(2);
let t0 = performance.now();
let rows = 0;
// Seconds per kind of stage (the run report's laps without the gemeente and file): where the time goes.
const stages: Record<string, number> = {};
if (mode === 'pipeline') {
	// Loaded here, not at the top: the COPY baseline starts with DuckDB alone, as a plain script would.
	const [{ defaultPaths }, { runPipeline }] = await Promise.all([
		import('../../pipelines/config'),
		import('../../pipelines/run')
	]);
	t0 = performance.now();
	const report = await runPipeline({
		paths: { ...defaultPaths(), raw: raw!, published: out!, warehouse: warehouse! }
	});
	rows = report.sources.reduce((s, r) => s + r.rows, 0);
	for (const [stage, seconds] of Object.entries(report.stages)) {
		const kind = stage.replace(/^GM\d{4}: /, '').replace(/: .*$/, '');
		stages[kind] = (stages[kind] ?? 0) + seconds;
	}
} else if (mode === 'copy') {
	const engine = await openNodeEngine();
	// Every CSV the pipeline reads, so both sides handle the same input.
	for (const gemeente of readdirSync(raw!).filter((d) => /^GM\d{4}$/.test(d))) {
		for (const f of readdirSync(join(raw!, gemeente)).filter((n) => n.endsWith('.csv'))) {
			await engine.run(
				`COPY (SELECT * FROM read_csv(${sqlString(join(raw!, gemeente, f))}, delim = ';', header = true)) TO ${sqlString(join(out!, `${gemeente}-${f}.parquet`))} (FORMAT parquet)`
			);
		}
	}
	engine.close();
} else throw new Error(`unknown mode ${mode}`);
console.log(
	JSON.stringify({ ms: performance.now() - t0, rows, maxRssKiB: process.resourceUsage().maxRSS, stages })
);
