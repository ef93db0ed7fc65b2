import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_MIN_RESPONDENTS, ROUNDING_BASE, SECRET_MAX } from '../src/lib/disclosure/rules';
import { openNodeEngine, type NodeEngine } from '../src/lib/db/node.server';
import { sqlIdent, sqlString } from '../src/lib/db/query';
import { BBV_INDICATORS, bbvSql } from '../src/lib/measures/bbv';
import { currentDivision, readDivisionAreas } from '../src/lib/gemeente/division';
import { loadGemeente, readDeliveryInfo } from '../src/lib/gemeente/folder';
import { GemeenteError, isGemeenteCode } from '../src/lib/gemeente/types';
import type { Manifest } from '../src/lib/db/manifest';
import { PSEUDONYM_KEY_ENV, SAMPLE_PSEUDONYM_KEY, type Paths } from './config';
import { PipelineError } from './errors';
import { leakScan } from './publish/leak-scan';
import { publishRelease } from './publish/release';
import { loadCsvExport, type LoadedExport } from './sources/csv-export';
import { convertDelivery, deliveryCandidates } from './sources/deliveries';
import { rm } from 'node:fs/promises';
import { failpoint } from './failpoints';
import { spillFolder } from './spill';
import { buildBenchmark } from './benchmark';
import { loadCbsTables } from './sources/cbs/publish';
import { loadAreas, loadTaakvelden } from './sources/reference';
import { SOURCES, type SourceDefinition } from './sources/registry';

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

/** One gemeente's delivery after reading and aggregation: what it contributes to the release. */
interface Ingested {
	gemeente: { code: string; name: string; division: number | null; source?: string };
	sample: boolean;
	sampleKey: boolean;
	dataDate: string;
	sources: (LoadedExport & { sha256: string })[];
	/** published name → this gemeente's table in the engine, qualified and quoted (schema.table) */
	tables: Record<string, string>;
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

	// DuckDB keeps its buffers under a limit and writes the rest to an owner-only folder that is removed
	// on every path (pipelines/spill.ts): a national run needs about 3,5 GB without it.
	// KOERS_PIPELINE_MEMORY sets the limit (DuckDB's notation, e.g. 2GB).
	const spill = await spillFolder();
	const engine = await openNodeEngine({
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
	const lap = (stage: string) => {
		const now = performance.now();
		stages[stage] = (stages[stage] ?? 0) + (now - mark) / 1000;
		mark = now;
		options.onProgress?.({ stage, done: ++done / STAGES });
		failpoint(`stage:${stage}`);
	};
	try {
		await loadTaakvelden({ engine, referenceDir: paths.reference });
		// Gemeenten are read and aggregated by parallel workers, each on its own connection and schema:
		// most statements on one gemeente are too small to keep both cores busy. Results keep the
		// gemeenten's order, so the release stays deterministic.
		const workers = Math.max(1, Math.min(gemeenten.length, Number(env['KOERS_PIPELINE_WORKERS'] ?? 4)));
		const ingested: Ingested[] = new Array<Ingested>(gemeenten.length);
		let next = 0;
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
							multiple: gemeenten.length > 1
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
		const tables: Record<string, string> = {};
		for (const name of names) {
			const parts = ingested.flatMap((g) => (g.tables[name] ? [g.tables[name]] : []));
			await engine.run(
				`CREATE OR REPLACE TABLE ${sqlIdent(`release_${name}`)} AS ${parts.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL BY NAME ')}`
			);
			tables[name] = `release_${name}`;
		}
		lap('samenvoegen');
		// CBS open data delivered beside the gemeenten (<raw>/cbs/<tabel>/): one table for all of it.
		const cbs = await loadCbsTables({ engine, raw: paths.raw });
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
		const leaks = await leakScan({ engine, tables: Object.values(tables) });
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
		engine.close();
		await rm(spill, { recursive: true, force: true });
	}
}

/** Reads, checks, pseudonymises and aggregates one gemeente's folder; its tables get the gemeente's suffix. */
async function ingestGemeente(options: {
	engine: NodeEngine;
	/** the worker's schema, where this gemeente's tables are kept */
	schema: string;
	paths: Paths;
	gemeente: string;
	env: NodeJS.ProcessEnv;
	maxQuarantineRate: number;
	lap: (stage: string) => void;
	multiple: boolean;
}): Promise<Ingested> {
	const { engine, paths, gemeente, env, maxQuarantineRate, lap } = options;
	const rawDir = join(paths.raw, gemeente);
	if (!existsSync(rawDir))
		throw new PipelineError(
			`geen aanlevering gevonden in ${relative(process.cwd(), rawDir)}: zet de exports daar neer of draai "npm run synth"`
		);
	const info = readDeliveryInfo(rawDir);
	const sample = info?.voorbeelddata === true;

	// The key is asked for when a source has identifiers to pseudonymise: figures per buurt need none.
	const envKey = env[PSEUDONYM_KEY_ENV];
	if (!envKey && !sample && !info?.gedeeltelijk)
		throw new PipelineError(
			`de pseudonimiseringssleutel ontbreekt: zet ${PSEUDONYM_KEY_ENV} in de omgeving (nooit in de repository)`
		);
	const key = (): string => {
		if (envKey) return envKey;
		if (sample) return SAMPLE_PSEUDONYM_KEY;
		throw new PipelineError(
			`de pseudonimiseringssleutel ontbreekt: zet ${PSEUDONYM_KEY_ENV} in de omgeving (nooit in de repository)`
		);
	};

	// The gemeente's folder, its bron.json and its catalogues must agree on who it is.
	const { name, division, areas } = await readGemeente({ paths, code: gemeente, rawDir, info });
	const tag = (stage: string) => (options.multiple ? `${gemeente}: ${stage}` : stage);

	await loadAreas({ engine, gemeente: { code: gemeente, name }, areas });
	const sources: (LoadedExport & { sha256: string })[] = [];
	const present = new Set(readdirSync(rawDir));
	const delivered: SourceDefinition[] = [];
	for (const source of SOURCES) {
		const { stem, schema } = source;
		// CSV or XLSX, never both: two deliveries of the same source would be a guess.
		const candidates = deliveryCandidates(source).filter((f) => present.has(f));
		const replacement = SOURCES.find((s) => s.insteadOf === stem);
		const replaced = source.insteadOf ? SOURCES.find((s) => s.stem === source.insteadOf) : undefined;
		const both = replaced ? deliveryCandidates(replaced).filter((f) => present.has(f)) : [];
		if (candidates.length > 0 && both.length > 0) {
			throw new PipelineError(
				`${relative(process.cwd(), rawDir)} bevat zowel ${both.join(', ')} als ${candidates.join(', ')}: lever ${replaced!.schema.title} of ${schema.title}, niet beide`
			);
		}
		const replacedHere = replacement && deliveryCandidates(replacement).some((f) => present.has(f));
		if (candidates.length > 1) {
			throw new PipelineError(
				`${relative(process.cwd(), rawDir)} bevat meer dan één levering van ${schema.title} (${candidates.join(', ')}): lever er één aan`
			);
		}
		if (candidates.length === 0) {
			if (source.required && !replacedHere && info?.gedeeltelijk !== true) {
				throw new PipelineError(
					`${relative(process.cwd(), join(rawDir, `${stem}.csv`))} (of .xlsx${source.spss ? ', .sav' : ''}${source.messages ? `, of een map ${source.messages}/ met berichten` : ''}) ontbreekt: lever ${schema.title} aan volgens docs/aanleverformaat.md`
				);
			}
			// A source this gemeente did not deliver must not leave another gemeente's rows behind.
			await engine.run(`DROP TABLE IF EXISTS ${sqlIdent(schema.name)}`);
			continue;
		}
		const fileName = candidates[0]!;
		const path = join(rawDir, fileName);
		const file = relative(process.cwd(), path);
		const converted = await convertDelivery({ source, fileName, path, file, rawDir, info, areas });
		let loaded: LoadedExport;
		try {
			loaded = await loadCsvExport({
				engine,
				path: converted?.csvPath ?? path,
				file,
				schema: converted?.schema ?? schema,
				maxQuarantineRate,
				quarantineDir: join(paths.warehouse, gemeente, 'quarantaine'),
				rejectedEarlier: converted?.issues,
				locate: converted?.locate
			});
		} finally {
			// The converted copy holds identifiers (a BSN from iWmo): removed on every path, failure included.
			if (converted) await rm(dirname(converted.csvPath), { recursive: true, force: true });
		}
		if (converted) loaded.format = converted.format;
		// Identifiers are protected at once, before anything else touches the rows.
		await source.protect({ engine, key });
		sources.push({ ...loaded, sha256: converted?.sha256 ?? loaded.sha256! });
		delivered.push(source);
		lap(tag(`lezen, valideren en pseudonimiseren: ${fileName}`));
	}

	// Without a stated delivery date, the latest start date in the registration stands in for it
	// (deterministic: the same files give the same release).
	const latest = delivered.some((s) => s.schema.name === 'wmo_toewijzingen')
		? (
				await engine.query<{ d: string | null }>(
					'SELECT CAST(max(startdatum) AS VARCHAR) AS d FROM wmo_toewijzingen'
				)
			)[0]?.d
		: null;
	const dataDate = info?.peildatum_levering ?? latest ?? 'onbekend';

	const produced: Record<string, string> = { gebieden: 'pub_gebieden' };
	for (const source of delivered) {
		Object.assign(
			produced,
			await source.aggregate({ engine, gemeente, minRespondents: DEFAULT_MIN_RESPONDENTS })
		);
		lap(tag(`aggregeren: ${source.schema.title}`));
	}
	// Keep this gemeente's aggregates apart: the next gemeente's run reuses the working table names.
	const tables: Record<string, string> = {};
	for (const [published, table] of Object.entries(produced)) {
		const kept = `${table}__${gemeente}`;
		await engine.run(`ALTER TABLE ${sqlIdent(table)} RENAME TO ${sqlIdent(kept)}`);
		tables[published] = `${sqlIdent(options.schema)}.${sqlIdent(kept)}`;
	}
	// Its working tables (raw lines, quarantine, pseudonymised rows) are done with once its aggregates
	// are kept: dropped now, so a national run holds aggregates, not every gemeente's last rows per worker.
	const working = await engine.query<{ name: string }>(
		`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'memory' AND schema_name = ${sqlString(options.schema)} AND NOT regexp_matches(table_name, '__GM[0-9]{4}$') ORDER BY 1`
	);
	for (const { name: table } of working)
		await engine.run(`DROP TABLE ${sqlIdent(options.schema)}.${sqlIdent(table)}`);
	return {
		gemeente: { code: gemeente, name, division, ...(info?.bron ? { source: info.bron } : {}) },
		sample,
		sampleKey: !envKey && sample,
		dataDate,
		sources,
		tables
	};
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

/**
 * Reads who a delivering gemeente is (its folder, checked against bron.json and its catalogues) and
 * its area division. A disagreement or a missing division is a PipelineError naming the file.
 */
async function readGemeente(options: {
	paths: Paths;
	code: string;
	rawDir: string;
	info: ReturnType<typeof readDeliveryInfo>;
}) {
	try {
		const g = loadGemeente({
			gemeentenDir: options.paths.gemeenten,
			code: options.code,
			delivery: options.info,
			rawDir: options.rawDir
		});
		const division = currentDivision(g);
		if (!division)
			throw new PipelineError(
				`geen gebiedsindeling voor ${g.code} ${g.name}: zet de CBS-indeling in ${relative(process.cwd(), join(options.paths.gemeenten, g.code, 'gebieden', '<jaar>'))}/ (wijken.csv en buurten.csv, of de CBS-buurtgrenzen); zie docs/nieuwe-gemeente.md`
			);
		const areas = await readDivisionAreas({ gemeente: g.code, division });
		return { name: g.name, division: division.year, areas };
	} catch (error) {
		if (error instanceof GemeenteError) throw new PipelineError(error.message, [], { cause: error });
		throw error;
	}
}
