import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import { refuseFile } from '../../errors';
import { readLabelledCsv, type Coverage } from './labelled';
import { readRegionLists, type RegionIndex } from './regions';
import { registeredTable } from './tables';

/**
 * CBS open data as a user downloads it, for any table: the OData v3 feed of opendata.cbs.nl saved as
 * JSON (`TypedDataSet` or `UntypedDataSet`, in one file or in pages that follow `odata.nextLink`, with
 * `DataProperties`, `TableInfos` and the dimension lists such as `RegioS`/`WijkenEnBuurten` and
 * `Perioden`), or the same data set as CSV (StatLine's download with the OData keys as header).
 *
 * CBS's conventions, each handled here:
 * - region keys are space-padded (`'GMnnnn    '`, `'NL01    '`): trimmed;
 * - period codes `YYYYJJ00` (year), `YYYYHJ01`/`HJ02`, `YYYYKWnn`, `YYYYMMnn`; the title carries `*`
 *   for voorlopig and `**` for nader voorlopig (the `Status` of the period list says it in words);
 * - measure keys carry positional suffixes that shift between editions (`WmoClienten_5`): a measure
 *   is known by its key without the suffix and its title from `DataProperties`, never by position;
 * - secret or unknown cells (`.` in CSV and the untyped set, `null` in JSON, `-99997` in the wijk- en
 *   buurtkaart) are null, never 0; each measure keeps its own unit (per 1 000 stays per 1 000).
 */

/** One measure (topic) of a CBS table. */
export interface CbsMeasure {
	/** the key as this edition has it, e.g. `WmoClientenPer1000Inwoners_6` */
	key: string;
	/** the key without the edition's positional suffix: stable between editions */
	id: string;
	title: string;
	unit: string;
	decimals: number;
}

/** One cell of a CBS table: a measure of a region in a period. */
export interface CbsCell {
	table: string;
	measure: string;
	/**
	 * the categories of the table's other dimensions (`Totaal`, `Totaal | Lopend eind verslagperiode`):
	 * codes where the file has them, CBS's titles in a labelled file; '' for a table without any
	 */
	category: string;
	region: string;
	level: 'land' | 'landsdeel' | 'provincie' | 'gemeente' | 'wijk' | 'buurt' | 'overig';
	regionName: string;
	period: string;
	year: number;
	periodKind: 'jaar' | 'halfjaar' | 'kwartaal' | 'maand';
	/** 1 or 2 (half year), 1–4 (quarter), 1–12 (month); null for a year */
	periodNumber: number | null;
	/** `onbekend` when the file does not carry it (a labelled download drops the `*`) */
	status: 'definitief' | 'voorlopig' | 'nader voorlopig' | 'onbekend';
	/** null when CBS keeps the cell secret or does not know it */
	value: number | null;
}

/** A CBS table read from its folder. */
export interface CbsTable {
	id: string;
	title: string;
	measures: CbsMeasure[];
	cells: CbsCell[];
	/** the files the table was read from */
	files: string[];
	format: string;
}

const HELP =
	'download de tabel van opendata.cbs.nl (ODataApi/OData/<tabel>/DataProperties, TypedDataSet of UntypedDataSet, de dimensies zoals RegioS en Perioden) of als CSV van StatLine; zie docs/aanleverformaat.md';

/** Reads the JSON of one OData resource (`value` array and, for pages, `odata.nextLink`). */
function readOData(path: string): { value: Record<string, unknown>[]; nextLink: string | null } {
	const file = relative(process.cwd(), path);
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8'));
	} catch (cause) {
		refuseFile(file, `geen geldige JSON (${(cause as Error).message}): ${HELP}`);
	}
	const value = (parsed as { value?: unknown }).value;
	if (!Array.isArray(value))
		refuseFile(file, `geen OData-antwoord van CBS (het veld "value" ontbreekt): ${HELP}`);
	const nextLink = (parsed as Record<string, unknown>)['odata.nextLink'];
	return {
		value: value as Record<string, unknown>[],
		nextLink: typeof nextLink === 'string' ? nextLink : null
	};
}

/** The measure's key without the edition's positional suffix (`WmoClienten_5` → `WmoClienten`). */
export function stableMeasureId(key: string): string {
	return key.replace(/_\d+$/, '');
}

/** A CBS period code as year, kind and number; null when it is not one. */
export function parsePeriod(code: string): Pick<CbsCell, 'year' | 'periodKind' | 'periodNumber'> | null {
	const m = /^(\d{4})(JJ|HJ|KW|MM)(\d{2})$/.exec(code.trim());
	if (!m) return null;
	const [, year, kind, n] = m as unknown as [string, string, 'JJ' | 'HJ' | 'KW' | 'MM', string];
	const number = Number(n);
	const limits = { JJ: [0, 0], HJ: [1, 2], KW: [1, 4], MM: [1, 12] } as const;
	const [lo, hi] = limits[kind];
	if (number < lo || number > hi) return null;
	return {
		year: Number(year),
		periodKind: ({ JJ: 'jaar', HJ: 'halfjaar', KW: 'kwartaal', MM: 'maand' } as const)[kind],
		periodNumber: kind === 'JJ' ? null : number
	};
}

/** The status of a period from its title (`2024*`, `2023**`) or its list's Status field. */
export function periodStatus(title: string, status?: unknown): CbsCell['status'] {
	const s = typeof status === 'string' ? status.toLowerCase() : '';
	if (s.startsWith('nader')) return 'nader voorlopig';
	if (s.startsWith('voorlopig')) return 'voorlopig';
	if (s.startsWith('definitief')) return 'definitief';
	if (/\*\*\s*$/.test(title)) return 'nader voorlopig';
	if (/\*\s*$/.test(title)) return 'voorlopig';
	return 'definitief';
}

/** The level of a CBS region key. */
export function regionLevel(key: string): CbsCell['level'] {
	const k = key.trim();
	if (/^NL\d\d$/.test(k)) return 'land';
	if (/^LD\d\d$/.test(k)) return 'landsdeel';
	if (/^PV\d\d$/.test(k)) return 'provincie';
	if (/^GM\d{4}$/.test(k)) return 'gemeente';
	// Some gemeenten number their wijken and buurten with letters (`WK0363AA`).
	if (/^WK\d{4}[0-9A-Z]{2}$/.test(k)) return 'wijk';
	if (/^BU\d{4}[0-9A-Z]{4}$/.test(k)) return 'buurt';
	return 'overig';
}

/** CBS's markers for a secret or unknown cell. */
const SECRET = new Set(['.', '', '-99997', '-99995', '-99996', '-99998', '-99999']);

/** A cell value: a number, or null for every way CBS writes "secret or unknown" (never 0). */
export function cellValue(raw: unknown): number | null {
	if (raw === null || raw === undefined) return null;
	if (typeof raw === 'number') return raw <= -99995 && raw >= -99999 ? null : raw;
	const text = String(raw).trim();
	if (SECRET.has(text)) return null;
	const n = Number(text.replace(',', '.'));
	return Number.isFinite(n) ? n : null;
}

/** The data set's files in a table folder: one JSON file or its pages in order, or one CSV file. */
function dataFiles(dir: string): { kind: 'typed' | 'untyped' | 'csv'; paths: string[] } {
	const names = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	for (const kind of ['TypedDataSet', 'UntypedDataSet'] as const) {
		const pages = names.filter((n) => new RegExp(`^${kind}(-\\d+)?\\.json$`).test(n));
		if (pages.length > 0)
			return { kind: kind === 'TypedDataSet' ? 'typed' : 'untyped', paths: pages.map((n) => join(dir, n)) };
	}
	const csv = names.filter((n) => n.toLowerCase().endsWith('.csv'));
	if (csv.length === 1) return { kind: 'csv', paths: [join(dir, csv[0]!)] };
	refuseFile(
		relative(process.cwd(), dir),
		csv.length > 1
			? `meer dan één CSV-bestand (${csv.join(', ')}): lever per tabel één bestand`
			: `geen TypedDataSet.json, UntypedDataSet.json of CSV-bestand: ${HELP}`
	);
}

/**
 * The table's description from DataProperties: its measures (Topics, by key and title, never by
 * position), its region dimension and its time dimension.
 */
function readProperties(dir: string): {
	measures: CbsMeasure[];
	region: string;
	period: string;
	categories: string[];
} {
	const path = join(dir, 'DataProperties.json');
	if (!existsSync(path))
		refuseFile(
			relative(process.cwd(), dir),
			`DataProperties.json ontbreekt: zonder de beschrijving van de kolommen is niet te zeggen welke maat welke kolom is (de achtervoegsels verschuiven tussen edities); download ook ODataApi/OData/<tabel>/DataProperties`
		);
	const props = readOData(path).value;
	const file = relative(process.cwd(), path);
	const region = props.find(
		(p) =>
			p['Type'] === 'GeoDimension' ||
			(p['Type'] === 'Dimension' && /^(RegioS|WijkenEnBuurten|Gemeenten|Regio)/.test(String(p['Key'])))
	);
	const period = props.find((p) => p['Type'] === 'TimeDimension');
	if (!region)
		refuseFile(file, 'geen regio-dimensie (RegioS, WijkenEnBuurten): Koers leest alleen tabellen per regio');
	if (!period) refuseFile(file, 'geen tijdsdimensie (Perioden)');
	return {
		measures: props
			.filter((p) => p['Type'] === 'Topic')
			.map((p) => ({
				key: String(p['Key']),
				id: stableMeasureId(String(p['Key'])),
				title: String(p['Title'] ?? p['Key']).trim(),
				unit: String(p['Unit'] ?? '').trim(),
				decimals: Number(p['Decimals'] ?? 0)
			})),
		region: String(region['Key']),
		period: String(period['Key']),
		categories: props
			.filter((p) => p['Type'] === 'Dimension' && p['Key'] !== region['Key'])
			.map((p) => String(p['Key']))
	};
}

/** A dimension list (`RegioS.json`, `Perioden.json`) as key → its row, when delivered. */
function readDimensionList(dir: string, key: string): Map<string, Record<string, unknown>> {
	const path = join(dir, `${key}.json`);
	if (!existsSync(path)) return new Map();
	return new Map(readOData(path).value.map((r) => [String(r['Key']).trim(), r]));
}

/** The rows of the data set, each as key → raw value, from JSON pages or the CSV. */
function readRows(files: ReturnType<typeof dataFiles>): { rows: Record<string, unknown>[]; files: string[] } {
	if (files.kind !== 'csv') {
		const rows: Record<string, unknown>[] = [];
		files.paths.forEach((path, i) => {
			const page = readOData(path);
			rows.push(...page.value);
			// A page that says more follows must be followed by its next page in the folder.
			if (page.nextLink && i === files.paths.length - 1)
				refuseFile(
					relative(process.cwd(), path),
					`de gegevens gaan verder (odata.nextLink ${page.nextLink}) maar de volgende pagina ontbreekt: sla elke pagina op als ${files.kind === 'typed' ? 'TypedDataSet' : 'UntypedDataSet'}-2.json, -3.json, …`
				);
		});
		return { rows, files: files.paths };
	}
	const path = files.paths[0]!;
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const delimiter = (text.split('\n')[0]!.match(/;/g)?.length ?? 0) > 0 ? ';' : ',';
	const [header, ...body] = dsvFormat(delimiter).parseRows(text);
	if (!header) refuseFile(relative(process.cwd(), path), 'het bestand is leeg');
	return {
		rows: body
			.filter((r) => r.length > 1)
			.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? '']))),
		files: [path]
	};
}

/**
 * Reads one CBS table from its folder (named after the table ID, e.g. `86050NED/`). Refused with the
 * file and what to download: no data set, no DataProperties, a page missing, a period or region that
 * is not CBS's, a measure column DataProperties does not describe.
 */
export function readCbsTable(
	dir: string,
	options: { regions?: RegionIndex } = {}
): CbsTable & { coverage?: Coverage } {
	const id = dir.split(/[\\/]/).filter(Boolean).pop()!;
	const data = dataFiles(dir);
	const registered = registeredTable(id);
	// Without DataProperties a table is read only when the registry describes it (the labelled layout).
	if (!existsSync(join(dir, 'DataProperties.json')) && registered && data.kind === 'csv')
		return readLabelledCsv({
			path: data.paths[0]!,
			table: registered,
			regions: options.regions ?? readRegionLists(join(dir, '..'))
		});
	const { measures, region, period, categories } = readProperties(dir);
	const regions = readDimensionList(dir, region);
	const periods = readDimensionList(dir, period);
	const info = existsSync(join(dir, 'TableInfos.json'))
		? readOData(join(dir, 'TableInfos.json')).value[0]
		: undefined;
	const { rows, files } = readRows(data);
	const file = relative(process.cwd(), files[0]!);
	const first = rows[0];
	if (first) {
		const known = new Set([region, period, 'ID', ...categories, ...measures.map((m) => m.key)]);
		const unknown = Object.keys(first).filter((k) => !known.has(k) && !k.startsWith('odata.'));
		if (unknown.length > 0)
			refuseFile(
				file,
				`kolom ${unknown.join(', ')} staat niet in DataProperties.json: download DataProperties van dezelfde editie van de tabel`
			);
	}
	const cells: CbsCell[] = [];
	rows.forEach((row, i) => {
		const regionKey = String(row[region] ?? '').trim();
		const periodKey = String(row[period] ?? '').trim();
		const parsed = parsePeriod(periodKey);
		const line = data.kind === 'csv' ? i + 2 : null;
		if (!parsed)
			refuseFile(
				file,
				`onbekende periode "${periodKey}" (rij ${i + 1}): CBS schrijft jjjjJJ00, jjjjHJ01, jjjjKW01 of jjjjMM01`,
				line
			);
		const periodRow = periods.get(periodKey);
		const periodTitle = String(periodRow?.['Title'] ?? '');
		const category = categories.map((c) => String(row[c] ?? '').trim()).join(' | ');
		for (const m of measures) {
			if (!(m.key in row)) continue;
			cells.push({
				table: id,
				measure: m.id,
				category,
				region: regionKey,
				level: regionLevel(regionKey),
				regionName: String(regions.get(regionKey)?.['Title'] ?? regionKey).trim(),
				period: periodKey,
				...parsed,
				status: periodStatus(periodTitle, periodRow?.['Status']),
				value: cellValue(row[m.key])
			});
		}
	});
	return {
		id,
		title: String(info?.['Title'] ?? id),
		measures,
		cells,
		files: [join(dir, 'DataProperties.json'), ...files],
		format: `CBS-tabel ${id}, ${data.kind === 'csv' ? 'CSV' : `OData ${data.kind === 'typed' ? 'TypedDataSet' : 'UntypedDataSet'}${data.paths.length > 1 ? ` in ${data.paths.length} pagina's` : ''}`}`
	};
}
