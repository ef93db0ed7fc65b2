import { isUtf8 } from 'node:buffer';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FileSchema } from '../../src/lib/schemas/column';
import type { RowIssue } from '../errors';
import { fileIssue, refuseRows } from './refuse';

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
export async function utf8Copy(options: {
	path: string;
	encoding: Encoding;
	bytes: Buffer;
}): Promise<string> {
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

/** How a file is written, as read from its bytes and first line. */
export interface Layout {
	encoding: Encoding;
	delimiter: ';' | ',';
	/** the header's column names as delivered */
	names: string[];
	/** column name (lower case) → its position in the file, from 1 */
	columnNumbers: Map<string, number>;
	/** whether a cell may start or end with a character trim() removes ({@link mayBePadded}) */
	padded: boolean;
	/** whether the file has a '.' anywhere (the same byte in both encodings): else no cell has a decimal point */
	points: boolean;
}

/** Encoding, delimiter and header of a file; refuses a header with unknown, missing or double columns. */
export function readLayout(options: { bytes: Buffer; file: string; schema: FileSchema }): Layout {
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
	if (headerIssues.length > 0) refuseRows(file, headerIssues);
	return {
		encoding,
		delimiter,
		names,
		columnNumbers: new Map(names.map((n, i) => [n.toLowerCase(), i + 1])),
		padded: mayBePadded(bytes, encoding, delimiter),
		points: bytes.includes(0x2e)
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
export function refuseTruncated(options: { bytes: Buffer; file: string; layout: Layout }): void {
	const { bytes, file, layout } = options;
	const tail = bytes.subarray(Math.max(0, bytes.length - 65536)).toString('latin1');
	if (tail.endsWith('\n')) return;
	const lines = tail.split('\n');
	const lastFields = (lines[lines.length - 1] ?? '').split(layout.delimiter).length;
	if (lastFields >= layout.names.length) return;
	const lineCount = bytes.toString('latin1').split('\n').length;
	refuseRows(file, [
		fileIssue(
			file,
			lineCount,
			`het bestand lijkt afgebroken: de laatste regel heeft ${lastFields} van de ${layout.names.length} kolommen en eindigt zonder regeleinde; lever de volledige export opnieuw aan`
		)
	]);
}
