import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { parseCatalog } from '../catalog/parse';
import type { Catalog } from '../catalog/schema';
import { parseReport, type ReportSource } from '../reports/parse';
import { accessibilitySchema } from './accessibility';
import {
	GemeenteError,
	GEMEENTE_CODE,
	type AreaLevel,
	type Division,
	type Gemeente,
	type OutlineFile
} from './types';

/** The files of a gemeente folder, by role (documented in docs/nieuwe-gemeente.md). */
export const GEMEENTE_FILES = {
	identity: 'gemeente.yaml',
	settings: 'financien.yaml',
	reports: 'rapporten',
	divisions: 'gebieden',
	/** catalogues: begroting-<jaar>.yaml, or begroting-<jaar>-<programma>.yaml for several programmes */
	catalog: /^begroting-\d{4}(-[\w.-]+)?\.ya?ml$/
} as const;

const identitySchema = z.strictObject({
	code: z.string().regex(GEMEENTE_CODE, 'verwacht een CBS-code: GM en vier cijfers'),
	naam: z.string().min(1, 'de naam van de gemeente ontbreekt'),
	/** the gemeente's part of the toegankelijkheidsverklaring (docs/nieuwe-gemeente.md) */
	toegankelijkheid: accessibilitySchema.optional()
});

/** A date as bron.json writes it: ISO 8601, year-month-day. */
const isoDate = z.iso.date({ error: 'verwacht een datum als jjjj-mm-dd, bijvoorbeeld "2025-01-31"' });
const yesNo = z.boolean({ error: 'verwacht true of false (zonder aanhalingstekens)' });
const text = z.string({ error: 'verwacht tekst tussen aanhalingstekens' });

/** `data/raw/<code>/bron.json`: what a delivery folder says about itself. Unknown fields are refused. */
const deliveryInfoSchema = z.strictObject({
	gemeente: text.optional(),
	naam: text.optional(),
	/** synthetic sample data: every page of a release with it says so */
	voorbeelddata: yesNo.optional(),
	/** the date of the export; null until the gemeente fills it in (the scaffold writes null) */
	peildatum_levering: isoDate.nullable().optional(),
	/** a partial delivery: sources the run otherwise requires may be missing (reported as not delivered) */
	gedeeltelijk: yesNo.optional(),
	/** where real figures come from, shown with them (attribution) */
	bron: text.optional(),
	omschrijving: text.optional(),
	/** the sample generator's seed and scale, for whoever regenerates it */
	seed: z.number({ error: 'verwacht een getal' }).optional(),
	schaal: z.number({ error: 'verwacht een getal' }).optional(),
	let_op: text.optional()
});

/** What the delivery folder says about itself (`data/raw/<code>/bron.json`), checked. */
export type DeliveryInfo = z.infer<typeof deliveryInfoSchema> & {
	/** the bron.json file, for messages */
	file: string;
};

const rel = (path: string) => relative(process.cwd(), path) || path;

/** The line of a field in a JSON text (the first `"name":`), for messages. */
function jsonLine(json: string, field: string): number | null {
	const at = json.search(new RegExp(`"${field}"\\s*:`));
	return at < 0 ? null : json.slice(0, at).split('\n').length;
}

/**
 * Reads and checks `bron.json` of a delivery folder (or null when there is none). Invalid JSON, an
 * unknown field or a value of the wrong kind is a GemeenteError naming the file, line and field.
 */
export function readDeliveryInfo(rawDir: string): DeliveryInfo | null {
	const path = join(rawDir, 'bron.json');
	if (!existsSync(path)) return null;
	const file = rel(path);
	const json = readFileSync(path, 'utf8');
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch (error) {
		throw new GemeenteError(
			`${file}: geen geldige JSON (${(error as Error).message}); zie docs/nieuwe-gemeente.md`,
			file,
			{ cause: error }
		);
	}
	const checked = deliveryInfoSchema.safeParse(parsed);
	if (checked.success) return { ...checked.data, file };
	const issue = checked.error.issues[0]!;
	const known = Object.keys(deliveryInfoSchema.shape).join(', ');
	const field =
		issue.code === 'unrecognized_keys'
			? issue.keys[0]!
			: issue.path.length > 0
				? String(issue.path[0])
				: null;
	const line = field ? jsonLine(json, field) : null;
	const where = `${file}${line ? ` regel ${line}` : ''}`;
	throw new GemeenteError(
		issue.code === 'unrecognized_keys'
			? `${where}: onbekend veld "${field}"; bekend zijn ${known} (zie docs/nieuwe-gemeente.md)`
			: field
				? `${where}: veld ${field}: ${issue.message}`
				: `${where}: verwacht een object { "gemeente": …, "naam": … }`,
		file
	);
}

/**
 * Loads one gemeente: its folder `<gemeentenDir>/<code>/` (when it has one) and what its delivery says.
 * The folder name, `gemeente.yaml`, `bron.json`, every catalogue and every report must name the same
 * gemeente; a disagreement is an error naming the file.
 */
export function loadGemeente(options: {
	gemeentenDir: string;
	code: string;
	/** `bron.json` of the delivery, when the caller has it */
	delivery?: DeliveryInfo | null;
	/** the name from a release manifest, for a gemeente without a folder */
	name?: string;
	/** the delivery folder: its `gebieden/<jaar>/` is read when the gemeente folder has no division */
	rawDir?: string;
}): Gemeente {
	const { code, delivery } = options;
	const dir = join(options.gemeentenDir, code);
	if (!GEMEENTE_CODE.test(code))
		throw new GemeenteError(
			`${rel(dir)}: de mapnaam moet een CBS-gemeentecode zijn: GM en vier cijfers`,
			rel(dir)
		);
	if (delivery?.gemeente !== undefined && delivery.gemeente !== code)
		throw new GemeenteError(
			`${delivery.file}: "gemeente" is ${JSON.stringify(delivery.gemeente)}, maar de map heet ${code}; maak ze gelijk`,
			delivery.file
		);
	const hasDir = existsSync(dir) && statSync(dir).isDirectory();
	const identity = hasDir ? readIdentity(join(dir, GEMEENTE_FILES.identity), code) : null;
	const name = identity?.naam ?? delivery?.naam ?? options.name;
	if (!name)
		throw new GemeenteError(
			`de naam van ${code} ontbreekt: zet "naam" in ${rel(join(dir, GEMEENTE_FILES.identity))} (npm run gemeente -- nieuw ${code} "<naam>") of in bron.json`,
			rel(join(dir, GEMEENTE_FILES.identity))
		);
	if (identity && delivery?.naam !== undefined && delivery.naam !== name)
		throw new GemeenteError(
			`${delivery.file}: "naam" is ${JSON.stringify(delivery.naam)}, maar ${rel(join(dir, GEMEENTE_FILES.identity))} zegt ${JSON.stringify(name)}; maak ze gelijk`,
			delivery.file
		);
	const delivered = () => (options.rawDir ? readDivisions({ dir: options.rawDir }) : []);
	if (!hasDir)
		return { code, name, dir: null, catalogs: [], settingsFile: null, reports: [], divisions: delivered() };
	const settings = join(dir, GEMEENTE_FILES.settings);
	const own = readDivisions({ dir });
	return {
		code,
		name,
		dir,
		catalogs: readCatalogs({ dir, code, name }),
		settingsFile: existsSync(settings) ? settings : null,
		reports: readReports({ dir, code }),
		divisions: own.length > 0 ? own : delivered(),
		accessibility: identity?.toegankelijkheid ?? null
	};
}

function readIdentity(path: string, code: string): z.infer<typeof identitySchema> {
	if (!existsSync(path))
		throw new GemeenteError(
			`${rel(path)} ontbreekt: elke gemeentemap heeft een gemeente.yaml met code en naam (npm run gemeente -- nieuw ${code} "<naam>")`,
			rel(path)
		);
	const lineCounter = new LineCounter();
	const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter });
	if (doc.errors.length > 0)
		throw new GemeenteError(
			`${rel(path)}: ongeldige YAML: ${doc.errors[0]!.message.split('\n')[0]}`,
			rel(path)
		);
	const parsed = identitySchema.safeParse(doc.toJS());
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const node = doc.getIn(issue.path as (string | number)[], true) as
			{ range?: [number, number, number] } | undefined;
		const line = node?.range ? ` regel ${lineCounter.linePos(node.range[0]).line}` : '';
		throw new GemeenteError(
			`${rel(path)}${line}: veld ${issue.path.join('.') || '(het bestand)'}: ${issue.message}`,
			rel(path)
		);
	}
	if (parsed.data.code !== code) {
		const line = lineOf(doc, lineCounter, 'code');
		throw new GemeenteError(
			`${rel(path)}${line ? ` regel ${line}` : ''}: veld code is ${parsed.data.code}, maar de map heet ${code}; maak ze gelijk`,
			rel(path)
		);
	}
	return parsed.data;
}

function lineOf(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, key: string): number | null {
	const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
	return node?.range ? lineCounter.linePos(node.range[0]).line : null;
}

function readCatalogs(options: { dir: string; code: string; name: string }): Catalog[] {
	const catalogs: Catalog[] = [];
	// An indicator page is /indicator/<gemeente>/<id>: an id names one streefdoel across all catalogues.
	const seen = new Map<string, string>();
	for (const file of readdirSync(options.dir).sort()) {
		if (!GEMEENTE_FILES.catalog.test(file)) continue;
		const path = join(options.dir, file);
		const catalog = parseCatalog({ text: readFileSync(path, 'utf8'), file: rel(path) });
		if (catalog.gemeente.code !== options.code || catalog.gemeente.name !== options.name)
			throw new GemeenteError(
				`${rel(path)}: veld gemeente is ${catalog.gemeente.code} "${catalog.gemeente.name}", maar deze map is van ${options.code} "${options.name}"; een catalogus hoort in de map van zijn eigen gemeente`,
				rel(path)
			);
		for (const s of catalog.goals.flatMap((g) => g.streefdoelen)) {
			const earlier = seen.get(s.id);
			if (earlier)
				throw new GemeenteError(
					`${rel(path)}: streefdoel-id "${s.id}" staat ook in ${earlier}; een id is uniek binnen de gemeente (geef het bijvoorbeeld het jaar erbij: ${s.id}-${catalog.budgetYear})`,
					rel(path)
				);
			seen.set(s.id, rel(path));
		}
		catalogs.push(catalog);
	}
	// Latest begroting first; programmes in their number's order.
	return catalogs.sort(
		(a, b) =>
			b.budgetYear - a.budgetYear ||
			a.programme.number.localeCompare(b.programme.number, 'nl', { numeric: true })
	);
}

function readReports(options: { dir: string; code: string }): ReportSource[] {
	const dir = join(options.dir, GEMEENTE_FILES.reports);
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((f) => {
			const path = join(dir, f);
			const report = parseReport({
				text: readFileSync(path, 'utf8'),
				file: rel(path),
				name: f.replace(/\.md$/, '')
			});
			if (report.gemeente !== options.code)
				throw new GemeenteError(
					`${rel(path)}: instelling gemeente is ${report.gemeente}, maar het rapport staat in de map van ${options.code}; een rapport gaat over zijn eigen gemeente`,
					rel(path)
				);
			return report;
		});
}

/** Outline files a division folder may hold, per level (CBS's own names and formats). */
const OUTLINE_NAMES: Record<AreaLevel, string[]> = {
	wijk: ['wijken.geojson', 'wijken.json', 'wijken.shp'],
	buurt: ['buurten.geojson', 'buurten.json', 'buurten.shp']
};

function readDivisions(options: { dir: string }): Division[] {
	const root = join(options.dir, GEMEENTE_FILES.divisions);
	if (!existsSync(root)) return [];
	const divisions: Division[] = [];
	for (const entry of readdirSync(root).sort()) {
		const dir = join(root, entry);
		if (!statSync(dir).isDirectory()) continue;
		if (!/^\d{4}$/.test(entry))
			throw new GemeenteError(
				`${rel(dir)}: een map in gebieden/ heet naar het jaar van de indeling, zoals gebieden/2024/`,
				rel(dir)
			);
		const files = new Set(readdirSync(dir));
		const wijken = join(dir, 'wijken.csv');
		const buurten = join(dir, 'buurten.csv');
		const gpkg = [...files].filter((f) => f.toLowerCase().endsWith('.gpkg')).sort();
		const outlines: Partial<Record<AreaLevel, OutlineFile>> = {};
		for (const level of ['wijk', 'buurt'] as const) {
			const name = OUTLINE_NAMES[level].find((n) => files.has(n));
			if (name)
				outlines[level] = { path: join(dir, name), format: name.endsWith('.shp') ? 'shapefile' : 'geojson' };
			// A CBS wijk- en buurtkaart as GeoPackage holds both levels as layers.
			else if (gpkg[0]) outlines[level] = { path: join(dir, gpkg[0]), format: 'geopackage' };
		}
		if (!files.has('buurten.csv') && !outlines.buurt)
			throw new GemeenteError(
				`${rel(dir)}: geen gebiedsindeling: lever wijken.csv en buurten.csv (CBS-kolommen) of de CBS-buurtgrenzen (buurten.shp, buurten.geojson of een .gpkg); zie docs/nieuwe-gemeente.md`,
				rel(dir)
			);
		divisions.push({
			year: Number(entry),
			dir,
			tables: {
				wijken: files.has('wijken.csv') ? wijken : null,
				buurten: files.has('buurten.csv') ? buurten : null
			},
			outlines
		});
	}
	return divisions;
}
