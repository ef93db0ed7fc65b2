/**
 * The pipeline against a plain DuckDB COPY of the same CSV files (BENCHMARKS.md section 1): both as
 * fresh processes started the same way, timed from spawn to exit, with peak memory and the pipeline's
 * time per kind of stage.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { median, mib, nl, RUNS, spread, tmp } from './timing';

/**
 * Runs one measured run in a fresh Node process and returns what it printed, with `wallMs`: spawn to
 * exit, the process start included. The pipeline: tests/bench/child.ts through tsx (as `npm run
 * pipeline` starts the CLI); the COPY: tests/bench/copy-baseline.mjs, plain Node.
 */
export function child(args: string[]): {
	ms: number;
	wallMs: number;
	rows: number;
	maxRssKiB: number;
	stages: Record<string, number>;
} {
	const t0 = performance.now();
	// The baseline is a plain Node script, as the simplest program doing the same reading would be; the
	// pipeline starts through tsx, as \`npm run pipeline\` starts it.
	const command =
		args[0] === 'copy'
			? ['tests/bench/copy-baseline.mjs', ...args.slice(1)]
			: ['--import', 'tsx', 'tests/bench/child.ts', ...args];
	const out = execFileSync(process.execPath, command, {
		maxBuffer: 64 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'ignore']
	}).toString();
	const wallMs = performance.now() - t0;
	return {
		...(JSON.parse(out.trim().split('\n').at(-1)!) as {
			ms: number;
			rows: number;
			maxRssKiB: number;
			stages: Record<string, number>;
		}),
		wallMs
	};
}

/** The full pipeline and the plain COPY over the same raw folder, alternating, RUNS times each. */
export function pipelineBench(options: { raw: string; keep?: string; runs?: number }) {
	const pipeline: number[] = [];
	const copy: number[] = [];
	const pipelineRss: number[] = [];
	const copyRss: number[] = [];
	const pipelineInProcess: number[] = [];
	const copyInProcess: number[] = [];
	const stages: Record<string, number>[] = [];
	let rows = 0;
	for (let i = 0; i < (options.runs ?? RUNS); i++) {
		const published = i === (options.runs ?? RUNS) - 1 && options.keep ? options.keep : tmp('published');
		const warehouse = tmp('warehouse');
		const p = child(['pipeline', options.raw, published, warehouse]);
		rmSync(warehouse, { recursive: true, force: true });
		pipeline.push(p.wallMs);
		pipelineInProcess.push(p.ms);
		pipelineRss.push(p.maxRssKiB);
		stages.push(p.stages);
		rows = p.rows;
		const out = tmp('copy');
		const c = child(['copy', options.raw, out]);
		copy.push(c.wallMs);
		copyInProcess.push(c.ms);
		copyRss.push(c.maxRssKiB);
		rmSync(out, { recursive: true, force: true });
		if (published !== options.keep) rmSync(published, { recursive: true, force: true });
	}
	return { rows, pipeline, copy, pipelineRss, copyRss, pipelineInProcess, copyInProcess, stages };
}

/** Section 1: the pipeline against the plain COPY, both as whole processes, and where the time goes. */
export function pipelineSection(x: {
	sample: ReturnType<typeof pipelineBench>;
	national: ReturnType<typeof pipelineBench>;
	gemeenten: number;
	files: { bytes: number }[];
	/** the national release's hash (manifest.release): the same input must keep giving the same bytes */
	release: string;
}): string {
	const row = (label: string, r: ReturnType<typeof pipelineBench>) =>
		`| ${label} | ${nl(r.rows)} | ${nl(median(r.pipeline))} (${spread(r.pipeline)}) | ${nl(r.rows / (median(r.pipeline) / 1000))} | ${nl(median(r.copy))} (${spread(r.copy)}) | ${nl(r.rows / (median(r.copy) / 1000))} | **${nl(median(r.pipeline) / median(r.copy), 2)}×** | ${nl(median(r.pipelineInProcess) / median(r.copyInProcess), 1)}× | ${mib(Math.max(...r.pipelineRss))} | ${mib(Math.max(...r.copyRss))} |`;
	const kinds = [...new Set(x.national.stages.flatMap((st) => Object.keys(st)))];
	const total = median(x.national.stages.map((st) => Object.values(st).reduce((a, b) => a + b, 0)));
	const stageRows = kinds
		.map((k) => ({ k, s: median(x.national.stages.map((st) => st[k] ?? 0)) }))
		.sort((a, b) => b.s - a.s)
		.map(({ k, s }) => `| ${k} | ${nl(s, 1)} s | ${nl((100 * s) / total)}% |`)
		.join('\n');
	return `## 1. Pipeline throughput against a plain DuckDB \`COPY\` of the same CSV files (same run)
The pipeline validates every cell, pseudonymises, aggregates with disclosure control, scans for leaks and
publishes atomically; the baseline only parses the CSVs and writes them as Parquet. Both run as a fresh process,
timed from spawn to exit: the pipeline through tsx as \`npm run pipeline\` starts it (\`node --import tsx
tests/bench/child.ts pipeline\`), the baseline as a plain Node script with DuckDB alone
(\`node tests/bench/copy-baseline.mjs\`), so the pipeline's start (tsx, its modules) counts against it.
Target: ≤ 2× the copy, national peak ≤ 2 GB (DuckDB's memory limit ${'`'}KOERS_PIPELINE_MEMORY${'`'}, 1.200 MB by default).
National runs: ${x.national.pipeline.length}.
| set | input rows | pipeline ms | pipeline rows/s | COPY ms | COPY rows/s | ratio | ratio without process start | peak memory pipeline | peak memory COPY |
|---|---|---|---|---|---|---|---|---|---|
${row('sample (Zwolle, Groningen)', x.sample)}
${row(`national (\`npm run synth -- --schaal landelijk\`, ${x.gemeenten} gemeenten)`, x.national)}

The national release: ${nl(x.files.length)} Parquet files, ${mib(x.files.reduce((s, f) => s + f.bytes, 0) / 1024)}, release hash \`${x.release.slice(0, 12)}\`.

Where the national run's time goes (the run report's laps, summed per kind of stage; four gemeenten are read at
a time, each on its own connection running on one DuckDB thread, so a lap is wall time while the others work too;
the CBS tables are read on a connection of their own while the gemeenten are, so their lap is only what is left
of it when the gemeenten are merged; every statement runs on one DuckDB thread, the tables merged, scanned and
written side by side):
| stage | seconds | share |
|---|---|---|
${stageRows}

`;
}
