import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import { formatIssue, PipelineError, refuseFile, type RowIssue } from '../../errors';
import { cellValue, parsePeriod, regionLevel, type CbsCell, type CbsTable } from './odata';
import { matchRegion, normaliseTitle, type RegionIndex } from './regions';
import { ODATA_PAGE_ROWS, type RegisteredTable } from './tables';

/**
 * A CBS table saved with titles instead of codes: the Python `cbsodata` package's default output and
 * StatLine's "gepresenteerde" download (`Aa en Hunze`, `1e halfjaar 2024`, `Totaal`), as `;`-separated CSV,
 * often without DataProperties and cut off at the OData page of 10.000 rows. Codes are restored from
 * CBS's own lists, never guessed: regions from the region lists of the delivery (or the `Codering_*`
 * column a wijk table carries), periods from CBS's period titles in every spelling seen. A title that
 * matches no code, or more than one, is refused with the file, line and value. The measures come from
 * the registry (`tables.ts`). A cut-off file is read for what it holds: rows come in CBS's order (first
 * dimension, then region, then period), so every category before the last one seen is complete.
 */

const MONTHS = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december'
];

/** The CBS period code of a period title (`2024`, `1e halfjaar 2024`, `1e half jaar 2024`, `2023 januari`, `3e kwartaal 2023`); null when it is none. */
export function periodCodeOfTitle(title: string): string | null {
	const t = normaliseTitle(title).toLowerCase().replace(/\*+$/, '').trim();
	const two = (n: number) => String(n).padStart(2, '0');
	let x = /^(\d{4})$/.exec(t);
	if (x) return `${x[1]}JJ00`;
	x = /^([12])e half ?jaar (\d{4})$/.exec(t);
	if (x) return `${x[2]}HJ${two(Number(x[1]))}`;
	x = /^([1-4])e kwartaal (\d{4})$/.exec(t);
	if (x) return `${x[2]}KW${two(Number(x[1]))}`;
	x = /^(\d{4}) ([a-z]+)$/.exec(t);
	if (x && MONTHS.includes(x[2]!)) return `${x[1]}MM${two(MONTHS.indexOf(x[2]!) + 1)}`;
	return null;
}

/**
 * The kind of a region title of a division Koers does not publish and no list may hold (an older
 * jeugdregio, a size class): CBS brackets a division's letters (`Zuidoost Utrecht (JZ)`), and titles its
 * size classes by inhabitants. Provinces and landsdelen are published, so they are never skipped.
 */
function otherRegionKind(title: string): string | null {
	const letters = /\(([A-Z]{2})\)$/.exec(title)?.[1];
	if (letters && letters !== 'PV' && letters !== 'LD') return `regio-indeling ${letters}`;
	if (/^(minder dan [\d ]+|[\d ]+ tot [\d ]+|[\d ]+) inwoners( of meer)?$/i.test(title))
		return 'gemeentegrootte';
	return null;
}

/** How complete a cut-off file is, per category of its dimensions before the region. */
export interface Coverage {
	/** the file holds exactly one OData page: CBS had more rows than it */
	truncated: boolean;
	rows: number;
	/** categories in the file's order; every one before the last is complete */
	categories: { category: string; complete: boolean }[];
	/** rows not read, and why: regions of a division Koers does not publish, rows without code or figures */
	skipped: { reason: string; rows: number }[];
}

/** Reads a labelled CSV of a registered table. */
export function readLabelledCsv(options: {
	path: string;
	table: RegisteredTable;
	regions: RegionIndex;
}): CbsTable & { coverage: Coverage } {
	const { path, table, regions } = options;
	const file = relative(process.cwd(), path);
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const first = text.slice(0, Math.max(0, text.search(/\r?\n/)));
	const [header = [], ...body] = dsvFormat(first.includes(';') ? ';' : ',').parseRows(text);
	const keys = header.map((h) => h.trim());
	const col = (key: string) => keys.indexOf(key);
	const missing = [...table.dimensions, ...table.measures.map((x) => x.key)].filter((k) => col(k) < 0);
	if (table.codeColumn && col(table.codeColumn) < 0) missing.push(table.codeColumn);
	if (missing.length > 0)
		refuseFile(
			file,
			`kolom ${missing.join(', ')} ontbreekt: dit is niet de editie van ${table.id} die Koers kent (pipelines/sources/cbs/tables.ts); download de tabel opnieuw of voeg de editie toe aan het register`,
			1
		);
	const known = new Set([
		'ID',
		...table.dimensions,
		...table.measures.map((x) => x.key),
		...table.unread,
		...(table.codeColumn ? [table.codeColumn] : [])
	]);
	const unknown = keys.filter((k) => !known.has(k));
	if (unknown.length > 0)
		refuseFile(
			file,
			`kolom ${unknown.join(', ')} staat niet in het register van ${table.id} en er is geen DataProperties.json: zonder beschrijving is niet te zeggen wat de kolom meet`,
			1
		);
	const categoryDims = table.dimensions.filter((d) => d !== table.region && d !== 'Perioden');
	const issues: RowIssue[] = [];
	const problem = (line: number, key: string, value: string, message: string) => {
		if (issues.length < 50)
			issues.push({ file, line, column: col(key) + 1, columnName: key, value, message });
	};
	const regionCache = new Map<string, ReturnType<typeof matchRegion>>();
	const cells: CbsCell[] = [];
	const categories = new Map<string, boolean>();
	const skipped = new Map<string, number>();
	const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
	body.forEach((row, i) => {
		if (row.length <= 1 && (row[0] ?? '').trim() === '') return;
		// d3-dsv gives one row per line here: CBS's titles hold no quotes or line breaks.
		const line = i + 2;
		const category = categoryDims.map((d) => normaliseTitle(row[col(d)] ?? '')).join(' | ');
		categories.set(category, true);
		const regionTitle = normaliseTitle(row[col(table.region)] ?? '');
		let region: string;
		if (table.codeColumn) {
			region = (row[col(table.codeColumn)] ?? '').trim();
			// CBS lists a wijk that is gone from this edition's division with neither code nor figures.
			if (region === '' && table.measures.every((x) => cellValue(row[col(x.key)]) === null))
				return skip('wijk zonder code en zonder cijfers');
			if (regionLevel(region) === 'overig')
				return problem(
					line,
					table.codeColumn,
					region,
					'geen CBS-regiocode (NL01, GMnnnn, WKnnnnnn, BUnnnnnnnn)'
				);
		} else {
			const match = regionCache.get(regionTitle) ?? matchRegion(regions, regionTitle);
			regionCache.set(regionTitle, match);
			if ('problem' in match) {
				const other = otherRegionKind(regionTitle);
				if (other && match.problem.includes('in geen enkele')) return skip(other);
				return problem(line, table.region, regionTitle, match.problem);
			}
			region = match.code;
		}
		const periodTitle = normaliseTitle(row[col('Perioden')] ?? '');
		const period = periodCodeOfTitle(periodTitle);
		const parsed = period ? parsePeriod(period) : null;
		if (!period || !parsed)
			return problem(
				line,
				'Perioden',
				periodTitle,
				`onbekende periodetitel "${periodTitle}": CBS schrijft 2024, 1e halfjaar 2024 (ook 1e half jaar 2024), 3e kwartaal 2024 of 2024 januari`
			);
		for (const measure of table.measures)
			cells.push({
				table: table.id,
				measure: measure.id,
				category,
				region,
				level: regionLevel(region),
				regionName: regionTitle,
				period,
				...parsed,
				// A title without `*` says nothing: the labelled download drops CBS's status.
				status: 'onbekend',
				value: cellValue(row[col(measure.key)])
			});
	});
	if (issues.length > 0)
		throw new PipelineError(
			`${file}: ${issues.length === 50 ? 'minstens 50' : issues.length} titel(s) zonder eenduidige CBS-code, er is niets gepubliceerd:\n${issues
				.slice(0, 10)
				.map((x) => `  - ${formatIssue(x)}`)
				.join('\n')}`,
			issues
		);
	const rows = body.filter((r) => r.some((c) => c.trim() !== '')).length;
	const truncated = rows === ODATA_PAGE_ROWS;
	const order = [...categories.keys()];
	return {
		id: table.id,
		title: table.title,
		measures: table.measures.map((x) => ({
			key: x.key,
			id: x.id,
			title: x.title,
			unit: x.unit,
			decimals: 0
		})),
		cells,
		files: [path],
		format: `CBS-tabel ${table.id}, CSV met titels in plaats van codes (codes hersteld uit ${
			table.codeColumn ? `de kolom ${table.codeColumn}` : 'de regiolijsten van CBS'
		}; onderwerpen uit het register)${truncated ? `, afgekapt na ${ODATA_PAGE_ROWS} rijen` : ''}`,
		coverage: {
			truncated,
			rows,
			categories: order.map((category, i) => ({ category, complete: !truncated || i < order.length - 1 })),
			skipped: [...skipped].sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => ({ reason, rows: n }))
		}
	};
}
