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
import { latestDate } from './sources/iso-date';
import { loadTaakvelden } from './sources/reference';
import { SOURCES } from './sources/registry';
import { setting } from '../src/lib/env';

/** What a run did, for the run report. */
export interface RunReport {
	manifest: Manifest;
	sources: LoadedExport[];
	seconds: number;
	sampleKey: boolean;
	/** seconds per stage, for the run report and for finding what is slow */
	stages: Record<string, number>;
}

/** The options of a run, as runPipeline takes them. */
interface RunOptions {
	paths: Paths;
	gemeente?: string;
	env?: NodeJS.ProcessEnv;
	/** fraction of a file's rows that may be quarantined (default: KOERS_MAX_QUARANTINE or 5%) */
	maxQuarantineRate?: number;
	/** called when a stage starts, with the fraction of stages done (for a progress bar) */
	onProgress?: (progress: { stage: string; done: number }) => void;
}

/** One run in progress: its settings, its engine and what each stage hands to the next. */
interface Run {
	paths: Paths;
	env: NodeJS.ProcessEnv;
	gemeenten: string[];
	maxQuarantineRate: number;
	/** connections that work side by side: gemeenten in the ingest stage, tables after it */
	connections: number;
	engine: NodeEngine;
	spill: string;
	/** ends a stage: its time into the report, progress to the caller, and a failpoint for the tests */
	lap: (stage: string) => void;
	stages: Record<string, number>;
	/** the CBS open data's tables, read once on a connection of their own (see readCbs) */
	cbs: ReturnType<typeof loadCbsTables> | null;
}

/** The release tables by published name, with each gemeente's part of the merged ones. */
interface Merged {
	tables: Record<string, string>;
	parts: Record<string, { gemeente: string; table: string }[]>;
}

/** What the derive stage adds: the CBS tables and the benchmark's provinces as sources of the release. */
interface Derived {
	cbs: Awaited<ReturnType<typeof loadCbsTables>>;
	provinces: Awaited<ReturnType<typeof buildBenchmark>>['provinces'] | null;
}

/** A source of the release as the manifest lists it. */
type ReleaseSource = LoadedExport & { sha256: string };

/**
 * Runs the whole pipeline over every gemeente folder in `data/raw` (or one, with `gemeente`), in
 * stages: ingest (validate the catalogue and the exports, pseudonymise, aggregate with disclosure
 * control, per gemeente), merge (one table per published name), derive (CBS tables, kerncijfers,
 * benchmark), scan (for leaks) and publish (one release, atomically). Any failing gemeente fails the
 * run: nothing is published.
 */
export async function runPipeline(options: RunOptions): Promise<RunReport> {
	const started = performance.now();
	const run = await openRun(options);
	try {
		const ingested = await ingest(run);
		const merged = await merge(run, ingested);
		const derived = await derive(run, merged);
		await scan(run, merged);
		const manifest = await publish(run, ingested, merged, derived);
		return {
			manifest,
			sources: releaseSources(ingested, derived),
			seconds: (performance.now() - started) / 1000,
			sampleKey: ingested.some((g) => g.sampleKey),
			stages: run.stages
		};
	} finally {
		// A failure elsewhere may come while the CBS tables are still being read on their own connection.
		await run.cbs?.catch(() => {});
		run.engine.close();
		await rm(run.spill, { recursive: true, force: true });
	}
}

/** The gemeenten to run: the one asked for, or every folder in the raw folder named by a CBS code. */
function gemeentenToRun(options: RunOptions): string[] {
	const { paths } = options;
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
	return gemeenten;
}

/** Reads the run's settings, opens its engine with a spill folder, and sets up the stage timer. */
async function openRun(options: RunOptions): Promise<Run> {
	const env = options.env ?? process.env;
	const maxQuarantineRate = options.maxQuarantineRate ?? Number(setting('KOERS_MAX_QUARANTINE', env));
	if (!(maxQuarantineRate >= 0 && maxQuarantineRate <= 1)) {
		throw new PipelineError(
			`KOERS_MAX_QUARANTINE moet een fractie tussen 0 en 1 zijn, niet "${env['KOERS_MAX_QUARANTINE']}"`
		);
	}
	const gemeenten = gemeentenToRun(options);
	// Gemeenten are read and aggregated by parallel workers, each on its own connection and schema:
	// most statements on one gemeente are too small to keep both cores busy. While several connections
	// work side by side, each runs its statements on one DuckDB thread: most statements are small, and
	// DuckDB's own threads would mostly hand tasks around. The stages after ingest keep one thread per
	// statement too and run the tables side by side, since changing DuckDB's thread count is not free.
	const connections = Math.max(1, Number(setting('KOERS_PIPELINE_WORKERS', env)));
	// DuckDB keeps its buffers under a limit and writes the rest to an owner-only folder that is removed
	// on every path (pipelines/spill.ts); KOERS_PIPELINE_MEMORY sets the limit (DuckDB's notation, e.g. 2GB).
	const spill = await spillFolder();
	const engine = await openNodeEngine({
		...(connections > 1 ? { threads: 1 } : {}),
		memoryLimit: setting('KOERS_PIPELINE_MEMORY', env),
		tempDirectory: spill
	}).catch(async (error: unknown) => {
		await rm(spill, { recursive: true, force: true });
		throw error;
	});
	// read + aggregate per source and gemeente; merge, CBS, kerncijfers, benchmark, leak scan, publish
	const total = gemeenten.length * 2 * SOURCES.length + 6;
	const stages: Record<string, number> = {};
	let mark = performance.now();
	let done = 0;
	const lap = (stage: string) => {
		const now = performance.now();
		stages[stage] = (stages[stage] ?? 0) + (now - mark) / 1000;
		mark = now;
		options.onProgress?.({ stage, done: ++done / total });
		failpoint(`stage:${stage}`);
	};
	const { paths } = options;
	return { paths, env, gemeenten, maxQuarantineRate, connections, engine, spill, lap, stages, cbs: null };
}

/**
 * The CBS open data delivered beside the gemeenten (<raw>/cbs/<tabel>/), as one table. Reading it is
 * mostly parsing JSON in Node, so it runs on a connection of its own once every worker's first gemeente
 * is being read, when Node's thread mostly waits for DuckDB. Started earlier it would hold up reading a
 * gemeente's settings and areas; started after the gemeenten, the statements that merge them.
 */
function readCbs(run: Run): NonNullable<Run['cbs']> {
	if (run.cbs) return run.cbs;
	run.cbs = run.engine
		.fork('main')
		.then((own) => loadCbsTables({ engine: own, raw: run.paths.raw }).finally(() => own.close()));
	run.cbs.catch(() => {});
	return run.cbs;
}

/**
 * Ingest: every gemeente read and aggregated by parallel workers, each on its own connection and schema.
 * With fewer gemeenten than connections, each reads its sources side by side on the spare ones. Results
 * keep the gemeenten's order, so the release stays deterministic.
 */
async function ingest(run: Run): Promise<Ingested[]> {
	const { engine, gemeenten, connections } = run;
	await loadTaakvelden({ engine, referenceDir: run.paths.reference });
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
						paths: run.paths,
						gemeente: gemeenten[at]!,
						env: run.env,
						maxQuarantineRate: run.maxQuarantineRate,
						lap: run.lap,
						multiple: gemeenten.length > 1,
						onReading: () => {
							if (++reading === workers) readCbs(run);
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
	return ingested;
}

/**
 * Merge: one table per published name over all gemeenten; columns a gemeente lacks (a survey scale it
 * did not measure) are NULL for it. Row order stays per gemeente, so the release stays deterministic.
 */
async function merge(run: Run, ingested: Ingested[]): Promise<Merged> {
	const names = [...new Set(ingested.flatMap((g) => Object.keys(g.tables)))];
	const parts = Object.fromEntries(
		names.map((name) => [
			name,
			ingested.flatMap((g) => (g.tables[name] ? [{ gemeente: g.gemeente.code, table: g.tables[name] }] : []))
		])
	);
	const tables: Record<string, string> = Object.fromEntries(names.map((n) => [n, `release_${n}`]));
	await tablesSideBySide({
		engine: run.engine,
		count: run.connections,
		items: names,
		task: async (own, name) => {
			await own.run(
				`CREATE OR REPLACE TABLE ${sqlIdent(`release_${name}`)} AS ${parts[name]!.map(
					(p) => `SELECT * FROM ${p.table}`
				).join(' UNION ALL BY NAME ')}`
			);
		}
	});
	run.lap('samenvoegen');
	return { tables, parts };
}

/** Derive: the CBS tables, the kerncijfers and the benchmark, added to the merged tables. */
async function derive(run: Run, merged: Merged): Promise<Derived> {
	const { engine, lap } = run;
	const { tables } = merged;
	const cbs = await readCbs(run);
	if (cbs.table) {
		tables['cbs_cijfers'] = cbs.table;
		lap('CBS-tabellen');
	}
	// Pre-aggregated for national views: the BBV indicators of every gemeente and year in one small
	// table (one file), so a comparison of all gemeenten reads kilobytes instead of every partition.
	tables['kerncijfers'] = await buildKerncijfers({ engine, tables });
	lap('kerncijfers');
	// Benchmarks: every BBV indicator of every gemeente per source, with what peers are chosen by.
	const benchmark = await buildBenchmark({ engine, tables, raw: run.paths.raw, cbs: cbs.cbs });
	if (benchmark.table) tables['benchmark'] = benchmark.table;
	lap('benchmark');
	return { cbs, provinces: benchmark.provinces ?? null };
}

/** Scan: no published table may hold what disclosure control should have kept out. */
async function scan(run: Run, merged: Merged): Promise<void> {
	const leaks = await leakScan({
		engine: run.engine,
		tables: Object.values(merged.tables),
		connections: run.connections
	});
	run.lap('lekcontrole');
	if (leaks.length > 0)
		throw new PipelineError(
			`lekcontrole mislukt, er is niets gepubliceerd:\n${leaks.map((l) => `  - ${l}`).join('\n')}`
		);
}

/** Every source the release is made of: the gemeenten's exports, then the CBS's and the provinces. */
function releaseSources(ingested: Ingested[], derived: Derived): ReleaseSource[] {
	return [
		...ingested.flatMap((g) => g.sources),
		...derived.cbs.sources.map((c) => ({ ...c, issues: [], report: null })),
		...(derived.provinces ? [{ ...derived.provinces, issues: [], report: null }] : [])
	];
}

/**
 * The release's data date: the latest delivery date of its gemeenten, compared as dates. A gemeente
 * without one does not set it; a release where none has one is refused.
 */
function releaseDate(ingested: Ingested[]): string {
	const date = latestDate(ingested.map((g) => g.dataDate));
	if (date === null)
		throw new PipelineError(
			`geen leverdatum: zet "peildatum_levering" (jjjj-mm-dd) in bron.json van ${ingested.map((g) => g.gemeente.code).join(', ')}`
		);
	return date;
}

/** Publish: the release's Parquet files and its manifest, written atomically. */
async function publish(run: Run, ingested: Ingested[], merged: Merged, derived: Derived): Promise<Manifest> {
	const { paths } = run;
	const sources = releaseSources(ingested, derived);
	const manifest = await publishRelease({
		engine: run.engine,
		publishedDir: paths.published,
		tables: merged.tables,
		parts: merged.parts,
		connections: run.connections,
		manifest: {
			version: 1,
			// One sample gemeente makes the whole release a sample: every page then says so.
			sample: ingested.some((g) => g.sample),
			dataDate: releaseDate(ingested),
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
			...(derived.cbs.cbs ? { cbs: derived.cbs.cbs } : {})
		}
	});
	run.lap('publiceren');
	return manifest;
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
