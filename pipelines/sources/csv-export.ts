import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { sqlIdent, sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import {
	checkedRowsSql,
	DECIMAL_MARKS,
	decimalPointSql,
	problemsSql,
	type FileSchema
} from '../../src/lib/schemas/column';
import { pseudonymParameters, type Identifier } from '../../src/lib/disclosure/pseudonymise';
import type { RowIssue } from '../errors';
import { readLayout, refuseTruncated, utf8Copy, type Layout } from './csv-layout';
import { fileIssue, MAX_LISTED, refuseRows } from './refuse';
import { LINE_ORDER, rawLines, sortByLine, type RawLines } from './raw-lines';

/** What was detected about a file, and where every row went: rows = published + quarantined. */
export interface LoadedExport {
	file: string;
	rows: number;
	published: number;
	quarantined: number;
	format: string;
	/** the first problems of quarantined rows, for the run report */
	issues: RowIssue[];
	/** where the full quarantine report was written, if any row was quarantined */
	report: string | null;
	/** checksum of the file as read (the file itself, before any conversion) */
	sha256?: string;
}

/**
 * Loads one CSV export into a typed table named after the schema, after checking its header and
 * every cell. Throws a PipelineError naming file, line and column when anything is wrong.
 */
export async function loadCsvExport(options: {
	engine: NodeEngine;
	path: string;
	file: string;
	/** fraction of rows that may be quarantined before the whole file is refused (0 = none) */
	maxQuarantineRate: number;
	/** internal folder for the full quarantine report */
	quarantineDir?: string;
	/** rows already rejected before this file was written (e.g. iWmo products that could not be mapped) */
	rejectedEarlier?: RowIssue[];
	/** for a converted file: where a problem is in what was delivered (its file, line and column) */
	locate?: (issue: RowIssue) => RowIssue;
	schema: FileSchema;
	/** protected while the rows are checked, so the typed table never holds it; `key` gives the pseudonym key */
	identifier?: Identifier;
	key?: () => string;
}): Promise<LoadedExport> {
	const { engine, path, file, schema } = options;
	const earlier = options.rejectedEarlier ?? [];
	if ((await stat(path)).size === 0)
		refuseRows(file, [fileIssue(file, null, 'het bestand is leeg: lever de export opnieuw aan')]);
	const bytes = await readFile(path);
	const layout = readLayout({ bytes, file, schema });
	refuseTruncated({ bytes, file, layout });

	const raw = `raw_${schema.name}`;
	const quarantine = `quarantine_${schema.name}`;
	// A transcoded copy holds the raw rows (client numbers): it lives only as long as this file is read.
	const utf8Path = await utf8Copy({ path, encoding: layout.encoding, bytes });
	let checked: Awaited<ReturnType<typeof checkCells>>;
	let numberFormat: string | null;
	try {
		const lines = rawLines({ engine, path: utf8Path, file, schema, layout, table: `${raw}_lines` });
		checked = await checkCells({
			engine,
			file,
			schema,
			layout,
			raw,
			lines,
			quarantine,
			locate: options.locate,
			identifier: options.identifier,
			key: options.key
		});
		// Everything rejected before the file was written (every message product unmappable): say so.
		if (checked.rows === 0 && earlier.length > 0)
			refuseRows(
				file,
				earlier,
				earlier.length,
				`${file}: alle ${earlier.length} regels afgekeurd; er is niets gepubliceerd.`
			);
		if (checked.rows === 0)
			refuseRows(file, [fileIssue(file, 2, 'het bestand bevat alleen een kopregel en geen gegevens')]);
		numberFormat = await decideNumberFormat({
			engine,
			lines,
			schema,
			file,
			columnNumbers: layout.columnNumbers,
			marks: checked.marks
		});
	} finally {
		if (utf8Path !== path) await rm(dirname(utf8Path), { recursive: true, force: true });
	}
	const rows = checked.rows;
	const rowsIn = rows + earlier.length;
	const rejected = checked.bad + earlier.length;
	refuseOverQuarantine({
		file,
		rowsIn,
		rejected,
		maxQuarantineRate: options.maxQuarantineRate,
		issues: [...earlier, ...checked.issues],
		total: checked.total + earlier.length
	});
	const report =
		checked.bad > 0 && options.quarantineDir
			? await writeQuarantineReport({ engine, quarantine, path, quarantineDir: options.quarantineDir })
			: null;
	await publishCleanRows({
		engine,
		schema,
		raw,
		quarantine,
		bad: checked.bad,
		marks: checked.marks !== null
	});
	const { encoding, delimiter } = layout;
	return {
		file,
		rows: rowsIn,
		published: rows - checked.bad,
		quarantined: rejected,
		issues: [...earlier, ...checked.issues].slice(0, MAX_LISTED),
		report,
		sha256: createHash('sha256').update(bytes).digest('hex'),
		format: `CSV, scheidingsteken "${delimiter}", ${encoding}${encoding === 'Windows-1252' ? ' (omgezet naar UTF-8)' : ''}${numberFormat ? `, ${numberFormat}` : ''}`
	};
}

/**
 * Checks and types every cell in one query into `checked_<raw>` (one row per line, flagged when bad)
 * and, only when a line is bad, lists its problems in the `quarantine` table (one row per problem):
 * how many problems, on how many lines, and the first of them where the delivery has them.
 */
async function checkCells(options: {
	engine: NodeEngine;
	file: string;
	schema: FileSchema;
	layout: Layout;
	raw: string;
	lines: RawLines;
	quarantine: string;
	locate: ((issue: RowIssue) => RowIssue) | undefined;
	identifier: Identifier | undefined;
	key: (() => string) | undefined;
}): Promise<{
	rows: number;
	total: number;
	bad: number;
	issues: RowIssue[];
	marks: DecimalMarks | null;
}> {
	const { engine, file, schema, layout, raw, lines, quarantine, identifier } = options;
	const checkedTable = sqlIdent(`checked_${raw}`);
	// The file is read in the checking query itself: its text rows are kept only for the query
	// (MATERIALIZED: read once, scanned for the duplicates and the checks), not as a table, whose
	// statistics cost more than reading the file (a table is made only when bad lines are listed).
	const checked = `CREATE OR REPLACE TABLE ${checkedTable} AS WITH ${sqlIdent(lines.name)} AS MATERIALIZED (${lines.sql}) ${checkedRowsSql({ schema, table: lines.name, columnNumbers: layout.columnNumbers, padded: layout.padded, points: layout.points, identifier })}`;
	if (identifier?.rule === 'pseudonymise' && !options.key)
		throw new Error(`${schema.name}: a pseudonymised identifier needs a key`);
	try {
		await engine.run(
			checked,
			identifier?.rule === 'pseudonymise' ? pseudonymParameters(options.key!()) : undefined
		);
	} catch (error) {
		// A file that cannot be read as CSV is refused naming its line; any other error is what it is.
		await lines.table();
		throw error;
	}
	const decimals = schema.columns.some((c) => c.type === 'decimal');
	const [counted] = await engine.query<{
		rows: number;
		bad: number;
		comma: boolean | null;
		point: boolean | null;
		ordered: boolean | null;
	}>(
		`SELECT CAST(count(*) AS INTEGER) AS rows, CAST(count(*) FILTER (WHERE bad) AS INTEGER) AS bad, ${
			decimals
				? `bool_or(${DECIMAL_MARKS.comma}) AS comma, bool_or(${DECIMAL_MARKS.point}) AS point`
				: 'NULL AS comma, NULL AS point'
		}, ${LINE_ORDER} AS ordered FROM ${checkedTable}`
	);
	if (counted?.ordered === false) await sortByLine(engine, `checked_${raw}`);
	const rows = counted?.rows ?? 0;
	const bad = counted?.bad ?? 0;
	const marks = decimals ? { comma: counted?.comma === true, point: counted?.point === true } : null;
	if (bad === 0) return { rows, total: 0, bad, issues: [], marks };
	const problems = problemsSql({
		schema,
		table: await lines.table(),
		columnNumbers: layout.columnNumbers,
		padded: layout.padded,
		lines: `SELECT line FROM ${checkedTable} WHERE bad`
	});
	await engine.run(`CREATE OR REPLACE TABLE ${sqlIdent(quarantine)} AS ${problems}`);
	const [{ total } = { total: 0 }] = await engine.query<{ total: number }>(
		`SELECT CAST(count(*) AS INTEGER) AS total FROM ${sqlIdent(quarantine)}`
	);
	const found = await engine.query<{
		line: number;
		column_number: number;
		column_name: string;
		value: string | null;
		message: string;
	}>(`SELECT * FROM ${sqlIdent(quarantine)} ORDER BY line, column_number LIMIT ${MAX_LISTED}`);
	const issues = found
		.map((r) => ({
			file,
			line: r.line,
			column: r.column_number,
			columnName: r.column_name,
			value: r.value,
			message: r.message
		}))
		.map(options.locate ?? ((i) => i));
	return { rows, total, bad, issues, marks };
}

/** Refuses the whole file when more rows were rejected than the source allows. */
function refuseOverQuarantine(options: {
	file: string;
	rowsIn: number;
	rejected: number;
	maxQuarantineRate: number;
	issues: RowIssue[];
	total: number;
}): void {
	const { file, rowsIn, rejected, maxQuarantineRate } = options;
	if (rejected <= rowsIn * maxQuarantineRate) return;
	const pct = (x: number) => `${(x * 100).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
	refuseRows(
		file,
		options.issues,
		options.total,
		`${file}: ${rejected} van ${rowsIn} regels afgekeurd (${pct(rejected / rowsIn)}), meer dan de toegestane ${pct(maxQuarantineRate)}; er is niets gepubliceerd.`
	);
}

/** The full quarantine report, internal (warehouse) and never in the release: it quotes raw values. */
async function writeQuarantineReport(options: {
	engine: NodeEngine;
	quarantine: string;
	path: string;
	quarantineDir: string;
}): Promise<string> {
	await mkdir(options.quarantineDir, { recursive: true });
	const report = join(options.quarantineDir, `${basename(options.path)}.quarantaine.csv`);
	await options.engine.run(
		`COPY (SELECT line AS regel, column_number AS kolom, column_name AS kolomnaam, value AS waarde, message AS melding FROM ${sqlIdent(options.quarantine)} ORDER BY line, column_number) TO ${sqlString(report)} (HEADER, DELIMITER ';')`
	);
	return report;
}

/**
 * The typed table of the rows without any problem (a row is published entirely or not at all): what
 * remains of the checked rows once the bad ones are deleted, renamed, without copying the rows again.
 */
async function publishCleanRows(options: {
	engine: NodeEngine;
	schema: FileSchema;
	raw: string;
	quarantine: string;
	bad: number;
	/** whether the checked rows have the decimal marks (a schema with decimal columns) */
	marks: boolean;
}): Promise<void> {
	const { engine, schema, raw, quarantine } = options;
	const checked = sqlIdent(`checked_${raw}`);
	const target = sqlIdent(schema.name);
	// The flag and the decimal marks served the checks only. One round trip for all of it.
	const checksOnly = ['bad', ...(options.marks ? Object.values(DECIMAL_MARKS) : [])];
	await engine.run(
		[
			...(options.bad > 0 ? [`DELETE FROM ${checked} WHERE bad`] : []),
			...checksOnly.map((c) => `ALTER TABLE ${checked} DROP COLUMN ${c}`),
			`DROP TABLE IF EXISTS ${target}`,
			`ALTER TABLE ${checked} RENAME TO ${target}`,
			`DROP TABLE IF EXISTS ${sqlIdent(`${raw}_lines`)}`,
			`DROP TABLE IF EXISTS ${sqlIdent(quarantine)}`
		].join('; ')
	);
}

/** Whether a file has decimal cells written with a decimal comma, and with a decimal point. */
interface DecimalMarks {
	comma: boolean;
	point: boolean;
}

/**
 * How decimal numbers are written, from the marks found while the cells were checked: decimal comma
 * ("4,4", with optional thousands dots) or decimal point ("4.4"). A file that uses both is refused:
 * "1.234" would be ambiguous.
 */
async function decideNumberFormat(options: {
	engine: NodeEngine;
	lines: RawLines;
	schema: FileSchema;
	file: string;
	columnNumbers: Map<string, number>;
	marks: DecimalMarks | null;
}): Promise<string | null> {
	const { engine, lines, schema, file, columnNumbers, marks } = options;
	if (!marks) return null;
	if (marks.comma && marks.point) {
		// Only for the refusal: how many cells of each, and the first with a decimal point as "column:line:value".
		const table = await lines.table();
		const cells = schema.columns
			.filter((c) => c.type === 'decimal')
			.map(
				(c) =>
					`SELECT ${sqlString(c.name)} AS col, trim(${sqlIdent(c.name)}) AS v, line FROM ${sqlIdent(table)}`
			)
			.join(' UNION ALL ');
		const point = decimalPointSql('v');
		const [found] = await engine.query<{ comma: number; point: number; at: string }>(
			`SELECT CAST(count(*) FILTER (WHERE contains(v, ',')) AS INTEGER) AS comma,
				CAST(count(*) FILTER (WHERE ${point}) AS INTEGER) AS point,
				min(col || ':' || line || ':' || v) FILTER (WHERE ${point}) AS at
			FROM (${cells})`
		);
		const [col, line, value] = (found?.at ?? '::').split(':');
		refuseRows(file, [
			{
				file,
				line: Number(line),
				column: columnNumbers.get(col ?? '') ?? null,
				columnName: col ?? null,
				value: value ?? null,
				message: `getallen staan zowel met decimale komma (${found?.comma}×) als met decimale punt (${found?.point}×) in het bestand; "${value}" is dan dubbelzinnig: gebruik één notatie`
			}
		]);
	}
	return marks.comma ? 'decimale komma' : marks.point ? 'decimale punt' : 'geen decimale getallen';
}
