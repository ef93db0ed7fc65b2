import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DEFAULT_MIN_RESPONDENTS, ROUNDING_BASE, SECRET_MAX } from '../src/lib/disclosure/rules';
import { openNodeEngine, type NodeEngine } from '../src/lib/db/node.server';
import { sqlIdent, sqlString } from '../src/lib/db/query';
import { BBV_INDICATORS, bbvSql } from '../src/lib/measures/bbv';
import { isGemeenteCode } from '../src/lib/gemeente/types';
import type { Manifest } from '../src/lib/db/manifest';
import type { Paths } from './config';
import { PipelineError } from './errors';
import { ingestGemeente, type Ingested } from './ingest';
import { tablesSideBySide } from './side-by-side';
import { leakScan } from './publish/leak-scan';
import { publishRelease } from './publish/release';
import type { LoadedExport } from './sources/csv-export';
import { failpoint } from './failpoints';
import { spillFolder } from './spill';
import { buildBenchmark } from './benchmark';
import { loadCbsTables } from './sources/cbs/publish';
import { loadTaakvelden } from './sources/reference';
import { SOURCES } from './sources/registry';

/**
 * DuckDB's memory limit for a pipeline run: the national set (342 gemeenten, 13 M rows) stays under 2 GB
 * of process memory with it and gives the same release byte for byte; what does not fit is spilled.
 */
const PIPELINE_MEMORY = '1200MB';

/** What a run did, for the run report. */
export interface RunReport {
	manifest: Manifest;
	sources: LoadedExport[];
	seconds: number;
	sampleKey: boolean;
	/** seconds per stage, for the run report and for finding what is slow */
	stages: Record<string, number>;
}

/**
 * Runs the whole pipeline over every gemeente folder in `data/raw` (or one, with `gemeente`):
 * validate the catalogue and the exports, pseudonymise, aggregate with disclosure control, scan for
 * leaks, and publish one release atomically. Any failing gemeente fails the run: nothing is published.
 */
export async function runPipeline(options: {
	paths: Paths;
	gemeente?: string;
	env?: NodeJS.ProcessEnv;
	/** fraction of a file's rows that may be quarantined (default: KOERS_MAX_QUARANTINE or 5%) */
	maxQuarantineRate?: number;
	/** called when a stage starts, with the fraction of stages done (for a progress bar) */
	onProgress?: (progress: { stage: string; done: number }) => void;
}): Promise<RunReport> {
	const started = performance.now();
	const { paths } = options;
	const env = options.env ?? process.env;
	const maxQuarantineRate = options.maxQuarantineRate ?? Number(env['KOERS_MAX_QUARANTINE'] ?? 0.05);
	if (!(maxQuarantineRate >= 0 && maxQuarantineRate <= 1)) {
		throw new PipelineError(
			`KOERS_MAX_QUARANTINE must be a fraction between 0 and 1, got "${env['KOERS_MAX_QUARANTINE']}"`
		);
	}
	const gemeenten = options.gemeente
		? [options.gemeente]
		: existsSync(paths.raw)
			? readdirSync(paths.raw)
					.filter((d) => isGemeenteCode(d))
					.sort()
			: [];
	if (gemeenten.length === 0)
		throw new PipelineError(
			`geen aanlevering gevonden in ${relative(process.cwd(), paths.raw)}: zet de exports van een gemeente in een map met haar CBS-code (GM en vier cijfers; zie docs/nieuwe-gemeente.md) of draai "npm run synth"`
		);

	// Gemeenten are read and aggregated by parallel workers, each on its own connection and schema:
	// most statements on one gemeente are too small to keep both cores busy. With fewer gemeenten than
	// connections, each reads its sources side by side on the spare ones. Results keep the gemeenten's
	// and the sources' order, so the release stays deterministic. While several connections work side by
	// side, each runs its own statements on one thread: most are small, and DuckDB's threads would mostly
	// hand tasks around (20% less time on a national run). What comes after (merging, kerncijfers,
	// benchmark, leak scan, publishing) stays on one thread per statement too, the tables side by side:
	// changing DuckDB's threads costs 20-30 ms each time.
	const connections = Math.max(1, Number(env['KOERS_PIPELINE_WORKERS'] ?? 4));
	// DuckDB keeps its buffers under a limit and writes the rest to an owner-only folder that is removed
	// on every path (pipelines/spill.ts): a national run needs about 3,5 GB without it.
	// KOERS_PIPELINE_MEMORY sets the limit (DuckDB's notation, e.g. 2GB).
	const spill = await spillFolder();
	const engine = await openNodeEngine({
		...(connections > 1 ? { threads: 1 } : {}),
		memoryLimit: env['KOERS_PIPELINE_MEMORY'] ?? PIPELINE_MEMORY,
		tempDirectory: spill
	}).catch(async (error: unknown) => {
		await rm(spill, { recursive: true, force: true });
		throw error;
	});
	const stages: Record<string, number> = {};
	let mark = performance.now();
	// read + aggregate per source and gemeente; merge, CBS, kerncijfers, benchmark, leak scan, publish
	const STAGES = gemeenten.length * 2 * SOURCES.length + 6;
	let done = 0;
	// CBS open data delivered beside the gemeenten (<raw>/cbs/<tabel>/): one table for all of it. It is
	// mostly parsing JSON in Node, so it is read on a connection of its own once every worker's first
	// gemeente is being read: Node's thread then mostly waits for DuckDB. Started before, it would hold up
	// the reading of a gemeente's settings and areas; after the gemeenten, the statements that merge them.
	let cbsLoad = null as ReturnType<typeof loadCbsTables> | null;
	const readCbs = () => {
		if (cbsLoad) return cbsLoad;
		cbsLoad = engine
			.fork('main')
			.then((own) => loadCbsTables({ engine: own, raw: paths.raw }).finally(() => own.close()));
		cbsLoad.catch(() => {});
		return cbsLoad;
	};
	const lap = (stage: string) => {
		const now = performance.now();
		stages[stage] = (stages[stage] ?? 0) + (now - mark) / 1000;
		mark = now;
		options.onProgress?.({ stage, done: ++done / STAGES });
		failpoint(`stage:${stage}`);
	};
	try {
		await loadTaakvelden({ engine, referenceDir: paths.reference });
		const workers = Math.min(gemeenten.length, connections);
		const perGemeente = Math.max(1, Math.floor(connections / workers));
		const ingested: Ingested[] = new Array<Ingested>(gemeenten.length);
		let next = 0;
		let reading = 0;
		let failure: { error: unknown } | null = null;
		const worker = async (schema: string) => {
			const own = await engine.fork(schema);
			try {
				while (!failure && next < gemeenten.length) {
					const at = next++;
					try {
						ingested[at] = await ingestGemeente({
							engine: own,
							schema,
							paths,
							gemeente: gemeenten[at]!,
							env,
							maxQuarantineRate,
							lap,
							multiple: gemeenten.length > 1,
							onReading: () => {
								if (++reading === workers) readCbs();
							},
							connections: perGemeente
						});
					} catch (error) {
						// The first failure wins (in gemeente order when several fail at once).
						failure ??= { error };
					}
				}
			} finally {
				own.close();
			}
		};
		await Promise.all(Array.from({ length: workers }, (_, i) => worker(`werk${i + 1}`)));
		if (failure) throw (failure as { error: unknown }).error;

		// One table per published name over all gemeenten; columns a gemeente lacks (a survey scale it did
		// not measure) are NULL for it. Row order stays per gemeente, so the release stays deterministic.
		const names = [...new Set(ingested.flatMap((g) => Object.keys(g.tables)))];
		const partsOf = (name: string) =>
			ingested.flatMap((g) => (g.tables[name] ? [{ gemeente: g.gemeente.code, table: g.tables[name] }] : []));
		const tables: Record<string, string> = Object.fromEntries(names.map((n) => [n, `release_${n}`]));
		await tablesSideBySide({
			engine,
			count: connections,
			items: names,
			task: async (own, name) => {
				await own.run(
					`CREATE OR REPLACE TABLE ${sqlIdent(`release_${name}`)} AS ${partsOf(name)
						.map((p) => `SELECT * FROM ${p.table}`)
						.join(' UNION ALL BY NAME ')}`
				);
			}
		});
		lap('samenvoegen');
		const cbs = await readCbs();
		if (cbs.table) {
			tables['cbs_cijfers'] = cbs.table;
			lap('CBS-tabellen');
		}
		// Pre-aggregated for national views: the BBV indicators of every gemeente and year in one small
		// table (one file), so a comparison of all gemeenten reads kilobytes instead of every partition.
		tables['kerncijfers'] = await buildKerncijfers({ engine, tables });
		lap('kerncijfers');
		// Benchmarks: every BBV indicator of every gemeente per source, with what peers are chosen by.
		const benchmark = await buildBenchmark({ engine, tables, raw: paths.raw, cbs: cbs.cbs });
		if (benchmark.table) tables['benchmark'] = benchmark.table;
		lap('benchmark');
		const leaks = await leakScan({ engine, tables: Object.values(tables), connections });
		lap('lekcontrole');
		if (leaks.length > 0)
			throw new PipelineError(
				`lekcontrole mislukt, er is niets gepubliceerd:\n${leaks.map((l) => `  - ${l}`).join('\n')}`
			);

		const sources = [
			...ingested.flatMap((g) => g.sources),
			...cbs.sources.map((c) => ({ ...c, issues: [], report: null })),
			...(benchmark.provinces ? [{ ...benchmark.provinces, issues: [], report: null }] : [])
		];
		const manifest = await publishRelease({
			engine,
			publishedDir: paths.published,
			tables,
			parts: Object.fromEntries(names.map((n) => [n, partsOf(n)])),
			connections,
			manifest: {
				version: 1,
				// One sample gemeente makes the whole release a sample: every page then says so.
				sample: ingested.some((g) => g.sample),
				dataDate: ingested
					.map((g) => g.dataDate)
					.sort()
					.at(-1)!,
				gemeenten: ingested.map((g) => g.gemeente),
				sources: sources.map((s) => ({
					file: relative(paths.raw, join(process.cwd(), s.file)),
					rows: s.rows,
					published: s.published,
					quarantined: s.quarantined,
					sha256: s.sha256,
					format: s.format
				})),
				disclosure: {
					secretMax: SECRET_MAX,
					roundingBase: ROUNDING_BASE,
					minRespondents: DEFAULT_MIN_RESPONDENTS
				},
				...(cbs.cbs ? { cbs: cbs.cbs } : {})
			}
		});
		lap('publiceren');
		return {
			manifest,
			sources,
			seconds: (performance.now() - started) / 1000,
			sampleKey: ingested.some((g) => g.sampleKey),
			stages
		};
	} finally {
		// A failure elsewhere may come while the CBS tables are still being read on their own connection.
		await cbsLoad?.catch(() => {});
		engine.close();
		await rm(spill, { recursive: true, force: true });
	}
}

/**
 * Builds `release_kerncijfers` from the release tables with the same SQL the pages use for the BBV
 * indicators (bbvSql), at gemeente level for every gemeente and year.
 */
async function buildKerncijfers(options: {
	engine: NodeEngine;
	tables: Record<string, string>;
}): Promise<string> {
	const { engine, tables } = options;
	const present = BBV_INDICATORS.filter((i) => tables[i.numerator.table] && tables['bevolking']);
	const needed = [...new Set(present.flatMap((i) => [i.numerator.table, 'bevolking']))];
	// The page SQL names the published tables: views over the release tables for the moment.
	for (const name of needed)
		await engine.run(`CREATE OR REPLACE VIEW ${sqlIdent(name)} AS SELECT * FROM ${sqlIdent(tables[name]!)}`);
	const parts = present.map(
		(i) =>
			`SELECT ${sqlString(i.id)} AS indicator, b.gemeente, g.gebied_naam AS gemeente_naam, CAST(b.year AS INTEGER) AS jaar, CAST(b.value AS DOUBLE) AS waarde, CAST(b.numerator AS DOUBLE) AS teller, CAST(b.denominator AS DOUBLE) AS noemer
			FROM (${bbvSql({ indicator: i, level: 'gemeente' })}) b JOIN ${sqlIdent(tables['gebieden']!)} g ON g.gebied_code = b.gemeente AND g.gebied_niveau = 'gemeente'`
	);
	await engine.run(
		`CREATE OR REPLACE TABLE release_kerncijfers AS ${
			parts.length > 0
				? `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY indicator, jaar, gemeente`
				: 'SELECT CAST(NULL AS VARCHAR) AS indicator, CAST(NULL AS VARCHAR) AS gemeente, CAST(NULL AS VARCHAR) AS gemeente_naam, CAST(NULL AS INTEGER) AS jaar, CAST(NULL AS DOUBLE) AS waarde, CAST(NULL AS DOUBLE) AS teller, CAST(NULL AS DOUBLE) AS noemer WHERE false'
		}`
	);
	for (const name of needed) await engine.run(`DROP VIEW ${sqlIdent(name)}`);
	return 'release_kerncijfers';
}
