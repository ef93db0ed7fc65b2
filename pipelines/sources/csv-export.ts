import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isUtf8 } from 'node:buffer';
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
} from '../schemas/column';
import { pseudonymParameters, type Identifier } from '../publish/pseudonymise';
import { formatIssue, PipelineError, type RowIssue } from '../errors';

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

const MAX_LISTED = 20;

/** The text encoding of an export, as detected and reported (never guessed silently). */
type Encoding = 'UTF-8' | 'UTF-8 met BOM' | 'Windows-1252';

/** Detects the encoding: a BOM, valid UTF-8, or else Windows-1252 (what Excel on Windows writes). */
function detectEncoding(bytes: Uint8Array): Encoding {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8 met BOM';
	// Node's native check: no decoded copy of a file of hundreds of megabytes.
	return isUtf8(bytes) ? 'UTF-8' : 'Windows-1252';
}

/**
 * Returns a UTF-8 path DuckDB can read: the file itself, or a transcoded copy for Windows-1252
 * (DuckDB's reader would mangle bytes like 0x80 €, and curly quotes).
 */
async function utf8Copy(options: { path: string; encoding: Encoding; bytes: Buffer }): Promise<string> {
	if (options.encoding !== 'Windows-1252') return options.path;
	const dir = await mkdtemp(join(tmpdir(), 'koers-utf8-'));
	const copy = join(dir, basename(options.path));
	// mkdtemp makes the folder owner-only; the file is owner-only too.
	await writeFile(copy, new TextDecoder('windows-1252').decode(options.bytes), {
		encoding: 'utf8',
		mode: 0o600
	});
	return copy;
}

/** Checks header names explicitly: DuckDB would rename duplicates and map pinned columns by position. */
function checkHeader(options: { file: string; names: string[]; schema: FileSchema }): RowIssue[] {
	const { file, names, schema } = options;
	const issues: RowIssue[] = [];
	const expected = new Set(schema.columns.map((c) => c.name));
	const seen = new Map<string, number>();
	names.forEach((raw, i) => {
		const name = raw.trim().toLowerCase();
		const at = { file, line: 1, column: i + 1, columnName: raw, value: raw };
		if (seen.has(name)) {
			issues.push({
				...at,
				message: `kolom "${raw}" komt twee keer voor (ook kolom ${seen.get(name)}): verwijder een van beide`
			});
		} else if (!expected.has(name)) {
			issues.push({ ...at, message: `onbekende kolom "${raw}": verwacht zijn ${[...expected].join(', ')}` });
		}
		seen.set(name, i + 1);
	});
	for (const name of expected) {
		if (!seen.has(name) && !schema.columns.find((c) => c.name === name)?.optionalInHeader) {
			issues.push({
				file,
				line: 1,
				column: null,
				columnName: name,
				value: null,
				message: `kolom "${name}" ontbreekt in de kopregel: voeg de kolom toe`
			});
		}
	}
	return issues;
}

function fail(file: string, issues: RowIssue[], total = issues.length, headline?: string): never {
	const listed = issues.slice(0, MAX_LISTED).map((i) => `  - ${formatIssue(i)}`);
	const more = total > MAX_LISTED ? [`  … en nog ${total - MAX_LISTED} andere problemen`] : [];
	throw new PipelineError(
		[
			headline ??
				`${file}: ${total} ${total === 1 ? 'probleem' : 'problemen'} gevonden; er is niets gepubliceerd.`,
			...listed,
			...more,
			'Corrigeer de export en draai de pipeline opnieuw; zie docs/aanleverformaat.md.'
		].join('\n'),
		issues
	);
}

/** A problem with the file as a whole (or one line of it), not with a cell. */
function fileIssue(file: string, line: number | null, message: string): RowIssue {
	return { file, line, column: null, columnName: null, value: null, message };
}

/** How a file is written, as read from its bytes and first line. */
interface Layout {
	encoding: Encoding;
	delimiter: ';' | ',';
	/** the header's column names as delivered */
	names: string[];
	/** column name (lower case) → its position in the file, from 1 */
	columnNumbers: Map<string, number>;
	/** whether a cell may start or end with a character trim() removes ({@link mayBePadded}) */
	padded: boolean;
}

/**
 * Loads one CSV export into a typed table named after the schema, after checking its header and
 * every cell. Throws a {@link PipelineError} naming file, line and column when anything is wrong.
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
		fail(file, [fileIssue(file, null, 'het bestand is leeg: lever de export opnieuw aan')]);
	const bytes = await readFile(path);
	const layout = readLayout({ bytes, file, schema });
	refuseTruncated({ bytes, file, layout });

	const raw = `raw_${schema.name}`;
	const rows = await readRawRows({ engine, path, bytes, file, schema, layout, table: raw });
	// Everything rejected before the file was written (every message product unmappable): say so.
	if (rows === 0 && earlier.length > 0)
		fail(
			file,
			earlier,
			earlier.length,
			`${file}: alle ${earlier.length} regels afgekeurd; er is niets gepubliceerd.`
		);
	if (rows === 0) fail(file, [fileIssue(file, 2, 'het bestand bevat alleen een kopregel en geen gegevens')]);

	const quarantine = `quarantine_${schema.name}`;
	const checked = await checkCells({
		engine,
		file,
		schema,
		layout,
		raw,
		quarantine,
		locate: options.locate,
		identifier: options.identifier,
		key: options.key
	});
	const numberFormat = await decideNumberFormat({
		engine,
		table: raw,
		schema,
		file,
		columnNumbers: layout.columnNumbers,
		marks: checked.marks
	});
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
	await publishCleanRows({ engine, schema, raw, quarantine, bad: checked.bad });
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

/** Encoding, delimiter and header of a file; refuses a header with unknown, missing or double columns. */
function readLayout(options: { bytes: Buffer; file: string; schema: FileSchema }): Layout {
	const { bytes, file, schema } = options;
	const encoding = detectEncoding(bytes);
	const headerLine =
		(encoding === 'Windows-1252'
			? new TextDecoder('windows-1252').decode(bytes.subarray(0, 65536))
			: bytes.subarray(0, 65536).toString('utf8')
		)
			.replace(/^\uFEFF/, '')
			.split(/\r?\n/)[0] ?? '';
	const delimiter =
		(headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const names = headerLine.split(delimiter).map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
	const headerIssues = checkHeader({ file, names, schema });
	if (headerIssues.length > 0) fail(file, headerIssues);
	return {
		encoding,
		delimiter,
		names,
		columnNumbers: new Map(names.map((n, i) => [n.toLowerCase(), i + 1])),
		padded: mayBePadded(bytes, encoding, delimiter)
	};
}

/** The UTF-8 forms of the characters DuckDB's trim() removes besides the space (Unicode category Zs). */
const WIDE_SPACES = [
	[0xc2, 0xa0],
	[0xe1, 0x9a, 0x80],
	[0xe2, 0x81, 0x9f],
	[0xe3, 0x80, 0x80]
].map((bytes) => Buffer.from(bytes));
/** The lead bytes of U+2000–U+200A and U+202F, told apart by their third byte. */
const GENERAL_PUNCTUATION = Buffer.from([0xe2, 0x80]);

/**
 * Whether any cell of the file may start or end with a character DuckDB's trim() removes (Unicode
 * category Zs: the space, the no-break space and the wider spaces). When none can, the checks read the
 * cells as they are. Conservative: a space beside a delimiter, a line break, a quote or the file's
 * ends, or any other Zs character anywhere, and every cell is trimmed.
 */
function mayBePadded(bytes: Buffer, encoding: Encoding, delimiter: ';' | ','): boolean {
	const d = delimiter.charCodeAt(0);
	const boundary = (b: number | undefined) =>
		b === undefined || b === d || b === 0x0a || b === 0x0d || b === 0x22;
	for (let i = bytes.indexOf(0x20); i !== -1; i = bytes.indexOf(0x20, i + 1))
		if (boundary(bytes[i - 1]) || boundary(bytes[i + 1])) return true;
	// Windows-1252 has one such character, the no-break space 0xA0 (transcoded before DuckDB reads it).
	if (encoding === 'Windows-1252') return bytes.includes(0xa0);
	if (WIDE_SPACES.some((space) => bytes.includes(space))) return true;
	for (let i = bytes.indexOf(GENERAL_PUNCTUATION); i !== -1; i = bytes.indexOf(GENERAL_PUNCTUATION, i + 2)) {
		const third = bytes[i + 2]!;
		if ((third >= 0x80 && third <= 0x8a) || third === 0xaf) return true;
	}
	return false;
}

/**
 * A file cut off mid-row (an interrupted copy or download) ends without a line break and with too
 * few fields on its last line: say so, rather than a generic CSV error.
 */
function refuseTruncated(options: { bytes: Buffer; file: string; layout: Layout }): void {
	const { bytes, file, layout } = options;
	const tail = bytes.subarray(Math.max(0, bytes.length - 65536)).toString('latin1');
	if (tail.endsWith('\n')) return;
	const lines = tail.split('\n');
	const lastFields = (lines[lines.length - 1] ?? '').split(layout.delimiter).length;
	if (lastFields >= layout.names.length) return;
	const lineCount = bytes.toString('latin1').split('\n').length;
	fail(file, [
		fileIssue(
			file,
			lineCount,
			`het bestand lijkt afgebroken: de laatste regel heeft ${lastFields} van de ${layout.names.length} kolommen en eindigt zonder regeleinde; lever de volledige export opnieuw aan`
		)
	]);
}

/**
 * Reads every row as text into `table` (with a `_lines` view that numbers them as lines of the file)
 * and returns the number of rows. Columns the schema allows to be absent are added as empty text, so
 * the checks see every column.
 */
async function readRawRows(options: {
	engine: NodeEngine;
	path: string;
	bytes: Buffer;
	file: string;
	schema: FileSchema;
	layout: Layout;
	table: string;
}): Promise<number> {
	const { engine, path, bytes, file, schema, layout, table } = options;
	const { names, delimiter } = layout;
	// A transcoded copy holds the raw rows (client numbers): it lives only as long as this read.
	const utf8Path = await utf8Copy({ path, encoding: layout.encoding, bytes });
	try {
		await engine.run(
			`CREATE OR REPLACE TABLE ${sqlIdent(table)} AS SELECT * FROM read_csv(${sqlString(utf8Path)}, header = true, all_varchar = true, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', strict_mode = true, auto_detect = false, columns = {${names.map((n) => `${sqlString(n.toLowerCase())}: 'VARCHAR'`).join(', ')}})`
		);
	} catch (cause) {
		const message = (cause as Error).message.replace(/^statement failed: /, '');
		fail(file, [
			fileIssue(
				file,
				Number(/Line: (\d+)/.exec(message)?.[1]) || null,
				`het bestand kan niet als CSV gelezen worden (${message.split('\n')[0]}): controleer scheidingsteken en aanhalingstekens`
			)
		]);
	} finally {
		if (utf8Path !== path) await rm(dirname(utf8Path), { recursive: true, force: true });
	}
	for (const c of schema.columns) {
		if (c.optionalInHeader && !layout.columnNumbers.has(c.name)) {
			await engine.run(`ALTER TABLE ${sqlIdent(table)} ADD COLUMN ${sqlIdent(c.name)} VARCHAR`);
		}
	}
	// rowid follows insertion order, which DuckDB preserves for CSV: line = rowid + 2 (after the header).
	await engine.run(
		`CREATE OR REPLACE VIEW ${sqlIdent(`${table}_lines`)} AS SELECT CAST(rowid + 2 AS INTEGER) AS line, * FROM ${sqlIdent(table)}`
	);
	const [{ rows } = { rows: 0 }] = await engine.query<{ rows: number }>(
		`SELECT CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(table)}`
	);
	return rows;
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
	quarantine: string;
	locate: ((issue: RowIssue) => RowIssue) | undefined;
	identifier: Identifier | undefined;
	key: (() => string) | undefined;
}): Promise<{ total: number; bad: number; issues: RowIssue[]; marks: DecimalMarks | null }> {
	const { engine, file, schema, layout, raw, quarantine, identifier } = options;
	const lines = `${raw}_lines`;
	const checkedTable = sqlIdent(`checked_${raw}`);
	const checked = `CREATE OR REPLACE TABLE ${checkedTable} AS ${checkedRowsSql({ schema, table: lines, columnNumbers: layout.columnNumbers, padded: layout.padded, identifier })}`;
	if (identifier?.rule === 'pseudonymise' && !options.key)
		throw new Error(`${schema.name}: a pseudonymised identifier needs a key`);
	await engine.run(
		checked,
		identifier?.rule === 'pseudonymise' ? pseudonymParameters(options.key!()) : undefined
	);
	const decimals = schema.columns.some((c) => c.type === 'decimal');
	const [counted] = await engine.query<{ bad: number; comma: boolean | null; point: boolean | null }>(
		`SELECT CAST(count(*) FILTER (WHERE bad) AS INTEGER) AS bad, ${
			decimals
				? `bool_or(${DECIMAL_MARKS.comma}) AS comma, bool_or(${DECIMAL_MARKS.point}) AS point`
				: 'NULL AS comma, NULL AS point'
		} FROM ${checkedTable}`
	);
	const bad = counted?.bad ?? 0;
	const marks = decimals ? { comma: counted?.comma === true, point: counted?.point === true } : null;
	if (bad === 0) return { total: 0, bad, issues: [], marks };
	const problems = problemsSql({
		schema,
		table: lines,
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
	return { total, bad, issues, marks };
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
	fail(
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
}): Promise<void> {
	const { engine, schema, raw, quarantine } = options;
	const checked = sqlIdent(`checked_${raw}`);
	if (options.bad > 0) await engine.run(`DELETE FROM ${checked} WHERE bad`);
	const marks = schema.columns.some((c) => c.type === 'decimal')
		? Object.values(DECIMAL_MARKS)
				.map((c) => `ALTER TABLE ${checked} DROP COLUMN ${c}; `)
				.join('')
		: '';
	await engine.run(
		`ALTER TABLE ${checked} DROP COLUMN bad; ${marks}DROP TABLE IF EXISTS ${sqlIdent(schema.name)}; ALTER TABLE ${checked} RENAME TO ${sqlIdent(schema.name)}`
	);
	await engine.run(
		`DROP VIEW ${sqlIdent(`${raw}_lines`)}; DROP TABLE ${sqlIdent(raw)}; DROP TABLE IF EXISTS ${sqlIdent(quarantine)}`
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
	table: string;
	schema: FileSchema;
	file: string;
	columnNumbers: Map<string, number>;
	marks: DecimalMarks | null;
}): Promise<string | null> {
	const { engine, table, schema, file, columnNumbers, marks } = options;
	if (!marks) return null;
	if (marks.comma && marks.point) {
		// Only for the refusal: how many cells of each, and the first with a decimal point as "column:line:value".
		const cells = schema.columns
			.filter((c) => c.type === 'decimal')
			.map(
				(c) =>
					`SELECT ${sqlString(c.name)} AS col, trim(${sqlIdent(c.name)}) AS v, rowid + 2 AS line FROM ${sqlIdent(table)}`
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
		fail(file, [
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
