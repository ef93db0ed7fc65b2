import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_MIN_RESPONDENTS } from '../src/lib/disclosure/rules';
import type { NodeEngine } from '../src/lib/db/node.server';
import { sqlIdent } from '../src/lib/db/query';
import { currentDivision, readDivisionAreas } from '../src/lib/gemeente/division';
import { loadGemeente, readDeliveryInfo } from '../src/lib/gemeente/folder';
import { GemeenteError } from '../src/lib/gemeente/types';
import { PSEUDONYM_KEY_ENV, SAMPLE_PSEUDONYM_KEY, type Paths } from './config';
import { PipelineError } from './errors';
import { loadCsvExport, type LoadedExport } from './sources/csv-export';
import { convertDelivery, deliveryCandidates } from './sources/deliveries';
import { loadAreas } from './sources/reference';
import { SOURCES, type SourceDefinition } from './sources/registry';
import { connectionsFor, sideBySide } from './side-by-side';

/** One gemeente's delivery after reading and aggregation: what it contributes to the release. */
export interface Ingested {
	gemeente: { code: string; name: string; division: number | null; source?: string };
	sample: boolean;
	sampleKey: boolean;
	/** the delivery date (bron.json, else the latest start date); null when the delivery has neither */
	dataDate: string | null;
	sources: (LoadedExport & { sha256: string })[];
	/** published name → this gemeente's table in the engine, qualified and quoted (schema.table) */
	tables: Record<string, string>;
}

/**
 * Reads, checks, pseudonymises and aggregates one gemeente's folder; its tables get the gemeente's suffix.
 * With `connections` above 1, its sources are read (and then aggregated) side by side, each on its own
 * connection to the worker's schema: a connection's statements run on one core (one DuckDB thread while
 * gemeenten are read). The outcome is the same as reading them one after another: the sources keep their
 * order in the report, and the first source that fails (in that order) is the error.
 */
export async function ingestGemeente(options: {
	engine: NodeEngine;
	/** the worker's schema, where this gemeente's tables are kept */
	schema: string;
	paths: Paths;
	gemeente: string;
	env: NodeJS.ProcessEnv;
	maxQuarantineRate: number;
	lap: (stage: string) => void;
	multiple: boolean;
	/** how many of its sources are read at a time */
	connections: number;
	/** called when its settings and areas are read and its files are about to be */
	onReading?: () => void;
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
	if (!envKey && !sample && info?.gedeeltelijk !== true)
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
	const plan = await planSources({ engine, rawDir, info });
	const engines = await connectionsFor({ engine, schema: options.schema, count: options.connections });
	options.onReading?.();
	try {
		const loaded = await sideBySide(engines, plan.sources, async (own, { source, fileName }) => {
			const result = await readSource({
				engine: own,
				paths,
				gemeente,
				rawDir,
				info,
				areas,
				source,
				fileName,
				maxQuarantineRate,
				key
			});
			lap(tag(`lezen, valideren en pseudonimiseren: ${fileName}`));
			return result;
		});
		// A source that could not be read comes before a refusal found later in the folder (a missing file).
		if (plan.refusal) throw plan.refusal;
		const delivered = plan.sources.map((s) => s.source);

		// Without a stated delivery date, the latest start date in the registration stands in for it
		// (deterministic: the same files give the same release); without either, the gemeente has none.
		const latest = delivered.some((s) => s.schema.name === 'wmo_toewijzingen')
			? (
					await engine.query<{ d: string | null }>(
						'SELECT CAST(max(startdatum) AS VARCHAR) AS d FROM wmo_toewijzingen'
					)
				)[0]?.d
			: null;
		const dataDate = info?.peildatum_levering ?? latest ?? null;

		const aggregates = await sideBySide(engines, delivered, async (own, source) => {
			const produced = await source.aggregate({
				engine: own,
				gemeente,
				minRespondents: DEFAULT_MIN_RESPONDENTS
			});
			lap(tag(`aggregeren: ${source.schema.title}`));
			return produced;
		});
		const produced: Record<string, string> = Object.assign({ gebieden: 'pub_gebieden' }, ...aggregates);
		const tables = await keepAggregates({
			engine,
			schema: options.schema,
			gemeente,
			produced,
			working: ['ref_buurten', 'ref_wijken', ...loaded.map((s) => s.table)]
		});
		return {
			gemeente: { code: gemeente, name, division, ...(info?.bron ? { source: info.bron } : {}) },
			sample,
			sampleKey: !envKey && sample,
			dataDate,
			sources: loaded.map(({ table: _, ...s }) => s),
			tables
		};
	} finally {
		for (const own of engines.slice(1)) own.close();
	}
}

/** The sources a folder delivers, in the report's order, and the first reason to refuse the folder. */
async function planSources(options: {
	engine: NodeEngine;
	rawDir: string;
	info: ReturnType<typeof readDeliveryInfo>;
}): Promise<{ sources: { source: SourceDefinition; fileName: string }[]; refusal: PipelineError | null }> {
	const { engine, rawDir, info } = options;
	const present = new Set(readdirSync(rawDir));
	const sources: { source: SourceDefinition; fileName: string }[] = [];
	for (const source of SOURCES) {
		const { stem, schema } = source;
		// CSV or XLSX, never both: two deliveries of the same source would be a guess.
		const candidates = deliveryCandidates(source).filter((f) => present.has(f));
		const replacement = SOURCES.find((s) => s.insteadOf === stem);
		const replaced = source.insteadOf ? SOURCES.find((s) => s.stem === source.insteadOf) : undefined;
		const both = replaced ? deliveryCandidates(replaced).filter((f) => present.has(f)) : [];
		const refuse = (message: string) => ({ sources, refusal: new PipelineError(message) });
		if (candidates.length > 0 && both.length > 0)
			return refuse(
				`${relative(process.cwd(), rawDir)} bevat zowel ${both.join(', ')} als ${candidates.join(', ')}: lever ${replaced!.schema.title} of ${schema.title}, niet beide`
			);
		const replacedHere = replacement && deliveryCandidates(replacement).some((f) => present.has(f));
		if (candidates.length > 1)
			return refuse(
				`${relative(process.cwd(), rawDir)} bevat meer dan één levering van ${schema.title} (${candidates.join(', ')}): lever er één aan`
			);
		if (candidates.length === 0) {
			if (source.required && !replacedHere && info?.gedeeltelijk !== true)
				return refuse(
					`${relative(process.cwd(), join(rawDir, `${stem}.csv`))} (of .xlsx${source.spss ? ', .sav' : ''}${source.messages ? `, of een map ${source.messages}/ met berichten` : ''}) ontbreekt: lever ${schema.title} aan volgens docs/aanleverformaat.md`
				);
			// A source this gemeente did not deliver must not leave another gemeente's rows behind.
			await engine.run(`DROP TABLE IF EXISTS ${sqlIdent(schema.name)}`);
			continue;
		}
		sources.push({ source, fileName: candidates[0]! });
	}
	return { sources, refusal: null };
}

/** Reads one delivered source (converted to CSV first where it is not), checks it and protects its identifiers. */
async function readSource(options: {
	engine: NodeEngine;
	paths: Paths;
	gemeente: string;
	rawDir: string;
	info: ReturnType<typeof readDeliveryInfo>;
	areas: Awaited<ReturnType<typeof readDivisionAreas>>;
	source: SourceDefinition;
	fileName: string;
	maxQuarantineRate: number;
	key: () => string;
}): Promise<LoadedExport & { sha256: string; table: string }> {
	const { engine, paths, gemeente, rawDir, info, areas, source, fileName } = options;
	const path = join(rawDir, fileName);
	const file = relative(process.cwd(), path);
	const converted = await convertDelivery({ source, fileName, path, file, rawDir, info, areas });
	let loaded: LoadedExport;
	try {
		loaded = await loadCsvExport({
			engine,
			path: converted?.csvPath ?? path,
			file,
			schema: converted?.schema ?? source.schema,
			maxQuarantineRate: options.maxQuarantineRate,
			quarantineDir: join(paths.warehouse, gemeente, 'quarantaine'),
			rejectedEarlier: converted?.issues,
			locate: converted?.locate,
			// Identifiers are protected at once, in the pass that checks the rows.
			identifier: source.identifier,
			key: options.key
		});
	} finally {
		// The converted copy holds identifiers (a BSN from iWmo): removed on every path, failure included.
		if (converted) await rm(dirname(converted.csvPath), { recursive: true, force: true });
	}
	if (converted) loaded.format = converted.format;
	return {
		...loaded,
		sha256: converted?.sha256 ?? loaded.sha256!,
		table: (converted?.schema ?? source.schema).name
	};
}

/**
 * Keeps a gemeente's aggregates apart under its suffix (the next gemeente's run reuses the working
 * table names) and drops its working tables (raw lines, quarantine, pseudonymised rows), so a national
 * run holds aggregates, not every gemeente's last rows per worker.
 */
async function keepAggregates(options: {
	engine: NodeEngine;
	schema: string;
	gemeente: string;
	produced: Record<string, string>;
	/** the working tables it made: the area references and the typed rows of each source */
	working: string[];
}): Promise<Record<string, string>> {
	const { engine, schema, gemeente, produced } = options;
	const tables: Record<string, string> = {};
	for (const [published, table] of Object.entries(produced)) {
		const kept = `${table}__${gemeente}`;
		await engine.run(`ALTER TABLE ${sqlIdent(table)} RENAME TO ${sqlIdent(kept)}`);
		tables[published] = `${sqlIdent(schema)}.${sqlIdent(kept)}`;
	}
	for (const table of options.working)
		await engine.run(`DROP TABLE IF EXISTS ${sqlIdent(schema)}.${sqlIdent(table)}`);
	return tables;
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
