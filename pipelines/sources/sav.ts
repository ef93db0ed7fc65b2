import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ColumnSpec, FileSchema } from '../../src/lib/schemas/column';
import { refuseFile as refuse, type RowIssue } from '../errors';
import { writeConvertedCsv } from './messages/folder';

/**
 * SPSS system files (`.sav`, compressed or not) for the survey sources, read with `sav-reader`. The
 * file is converted to the delivery CSV so it passes the same checks; line n of a message is case
 * n − 1 (line 1 is the header).
 *
 * - Variables map to delivery columns by name, case-insensitively; other variables are not read.
 *   Without a variable `gewicht`, the file's weight variable (WEIGHT BY) is the weight.
 * - Numeric variables with value labels give the label: for ja/nee columns the labels `ja`/`nee`
 *   (also `yes`/`no`, `j`/`n`), for code columns the code itself (`18-34`). A value without an
 *   accepted label goes through as its label (or number) and is quarantined by the checks.
 * - User-missing values (MISSING VALUES, such as 99 "weet niet") and system-missing values are empty.
 */

interface SysVar {
	name: string;
	/** 0 numeric, > 0 string */
	type: number;
	missing: number | number[] | { min: number; max: number; value?: number } | null;
}
interface SavMeta {
	header: { n_cases: number; compressed: boolean; weight?: SysVar | null; product: string };
	sysvars: SysVar[];
	getValueLabels(name: string): { val: number | string; label: string }[] | undefined;
}
interface SavReader {
	meta: SavMeta;
	open(): Promise<void>;
	readNextRow(includeNulls?: boolean): Promise<Record<string, unknown> | null>;
}
// sav-reader is CommonJS only ("exports" has no "import" condition).
const { SavFileReader } = createRequire(import.meta.url)('sav-reader') as {
	SavFileReader: new (path: string) => SavReader;
};

/** Labels accepted for ja/nee columns, lower case. */
const BOOLEAN_LABELS: Record<string, 'ja' | 'nee'> = {
	ja: 'ja',
	nee: 'nee',
	j: 'ja',
	n: 'nee',
	yes: 'ja',
	no: 'nee'
};

/** Refuses what is not an SPSS system file before the reader sees it: the first four bytes say. */
async function checkMagic(path: string, file: string): Promise<void> {
	const handle = await open(path, 'r');
	const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0).finally(() => handle.close());
	const magic = buffer.subarray(0, bytesRead).toString('latin1');
	if (magic === '$FL3')
		refuse(
			file,
			'ZSAV (zlib-gecomprimeerd SPSS) wordt niet gelezen: sla het bestand op als gewone .sav (SAVE OUTFILE … /COMPRESSED of /UNCOMPRESSED)'
		);
	if (magic !== '$FL2')
		refuse(
			file,
			'geen SPSS-bestand (.sav): het begint niet met $FL2; lever het bestand aan zoals SPSS of PSPP het bewaart'
		);
}

/** SPSS's system-missing value, as stored: the lowest double. */
const SYSMIS = -Number.MAX_VALUE;

const isMissing = (v: SysVar, x: number): boolean => {
	const m = v.missing;
	if (m === null || m === undefined) return false;
	if (typeof m === 'number') return x === m;
	if (Array.isArray(m)) return m.includes(x);
	return (x >= m.min && x <= m.max) || m.value === x;
};

/** One cell as delivery text. */
function cell(value: unknown, v: SysVar, column: ColumnSpec, labels: Map<number | string, string>): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') {
		const text = value.trim();
		return column.type === 'boolean' ? (BOOLEAN_LABELS[text.toLowerCase()] ?? text) : text;
	}
	const x = Number(value);
	// System-missing is -DBL_MAX in the file; sav-reader gives null for it in compressed files only.
	if (Number.isNaN(x) || x === SYSMIS || isMissing(v, x)) return '';
	const label = labels.get(x);
	if (column.type === 'boolean')
		return label !== undefined ? (BOOLEAN_LABELS[label.trim().toLowerCase()] ?? label) : String(x);
	if (column.type === 'code')
		return label !== undefined && column.codes.includes(label.trim()) ? label.trim() : String(label ?? x);
	return String(x);
}

/** Converts a `.sav` file to the delivery CSV of a schema; the caller removes the copy. */
export async function savToCsv(options: {
	path: string;
	file: string;
	schema: FileSchema;
}): Promise<{ csvPath: string; format: string; issues: RowIssue[] }> {
	const { path, file, schema } = options;
	await checkMagic(path, file);
	const sav = new SavFileReader(path);
	try {
		await sav.open();
	} catch (cause) {
		refuse(
			file,
			`kan niet als SPSS-bestand gelezen worden (${(cause as Error).message}): sla het opnieuw op met SPSS of PSPP`
		);
	}
	const { header, sysvars } = sav.meta;
	const byName = new Map<string, SysVar>();
	for (const [i, v] of sysvars.entries()) {
		const key = v.name.toLowerCase();
		const earlier = byName.get(key);
		if (earlier)
			refuse(
				file,
				`variabele ${v.name} (nummer ${i + 1}) komt twee keer voor (ook als ${earlier.name}): namen gelden zonder onderscheid tussen hoofd- en kleine letters; hernoem of verwijder een van beide`
			);
		byName.set(key, v);
	}
	const weightFromHeader = !byName.has('gewicht') && header.weight ? header.weight : null;
	if (weightFromHeader) byName.set('gewicht', weightFromHeader);
	if (!byName.has('gewicht') && schema.columns.some((c) => c.name === 'gewicht'))
		refuse(
			file,
			'geen weegfactor: het bestand heeft geen variabele gewicht en geen gewichtsvariabele (WEIGHT BY); voeg de weegfactor toe of zet WEIGHT BY op de weegvariabele'
		);
	const columns = schema.columns.filter((c) => byName.has(c.name));
	const labels = new Map(
		columns.map((c) => {
			const v = byName.get(c.name)!;
			return [c.name, new Map((sav.meta.getValueLabels(v.name) ?? []).map((l) => [l.val, l.label]))];
		})
	);
	const lines = [columns.map((c) => c.name).join(';')];
	let cases = 0;
	for (let row = await sav.readNextRow(true); row !== null; row = await sav.readNextRow(true)) {
		cases++;
		lines.push(
			columns
				.map((c) => {
					const v = byName.get(c.name)!;
					const text = cell(row[v.name], v, c, labels.get(c.name)!);
					// The delivery CSV is `;`-separated without quoting: a separator in a text would split the cell.
					return text.replace(/[;\r\n]/g, ' ');
				})
				.join(';')
		);
	}
	const unread = sysvars.filter((v) => !columns.some((c) => byName.get(c.name) === v)).length;
	const csvPath = await writeConvertedCsv('koers-sav-', `${schema.name}.csv`, lines);
	return {
		csvPath,
		issues: [],
		format: `SPSS .sav (${cases} gevallen, ${header.compressed ? 'gecomprimeerd' : 'ongecomprimeerd'}; ${columns.length} variabelen gelezen${unread ? `, ${unread} andere niet` : ''}${weightFromHeader ? `; weegfactor uit WEIGHT BY ${weightFromHeader.name}` : ''}; regel n in meldingen is geval n − 1)`
	};
}
