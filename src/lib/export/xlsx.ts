import type { ExportSource, ExportTable } from './table';
import { zipSync } from 'fflate';

/** Cell styles (index into cellXfs below). */
const STYLE = { text: 0, integer: 1, decimal1: 2, decimal2: 3, header: 4, title: 5 } as const;

/** Text as XML: the five specials escaped, and the control characters XML 1.0 forbids (Excel refuses the file) dropped. */
const escapeXml = (s: string) =>
	s
		// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** A1-style column letters. */
function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/** The workbook's shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
	readonly strings: string[] = [];
	private readonly index = new Map<string, number>();
	indexOf(s: string): number {
		let i = this.index.get(s);
		if (i === undefined) {
			i = this.strings.length;
			this.strings.push(s);
			this.index.set(s, i);
		}
		return i;
	}
}

/** One cell: empty, a number, or a shared string. */
function cellXml(strings: SharedStrings, ref: string, value: string | number | null, style: number): string {
	if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
		return `<c r="${ref}" s="${style}"/>`;
	if (typeof value === 'number') return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
	return `<c r="${ref}" s="${style}" t="s"><v>${strings.indexOf(value)}</v></c>`;
}

/** A worksheet with its first row frozen and the given column widths. */
function sheetXml(rows: string[], widths: number[]): string {
	return `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${widths
		.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
		.join('')}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The style of a column's cells: its number format by kind and decimals. */
function columnStyle(c: ExportTable['columns'][number]): number {
	if (c.kind === 'integer') return STYLE.integer;
	if (c.kind === 'decimal') return (c.decimals ?? 1) >= 2 ? STYLE.decimal2 : STYLE.decimal1;
	return STYLE.text;
}

/** One table as a worksheet: a header row, then its rows, columns as wide as their content (at most 60). */
function tableSheet(strings: SharedStrings, table: ExportTable): string {
	const rows = [
		`<row r="1">${table.columns.map((c, i) => cellXml(strings, `${columnName(i)}1`, c.label, STYLE.header)).join('')}</row>`
	];
	table.rows.forEach((row, r) => {
		const n = r + 2;
		const cells = table.columns.map((c, i) => {
			const v = row[c.key] ?? null;
			return cellXml(
				strings,
				`${columnName(i)}${n}`,
				c.kind === 'text' && v !== null ? String(v) : v,
				columnStyle(c)
			);
		});
		rows.push(`<row r="${n}">${cells.join('')}</row>`);
	});
	const widths = table.columns.map((c) =>
		Math.min(
			60,
			Math.max(10, c.label.length + 2, ...table.rows.map((r) => String(r[c.key] ?? '').length + 4))
		)
	);
	return sheetXml(rows, widths);
}

/** The sheet "Bron": title, the sample label when it is sample data, source and delivery date. */
function sourceSheet(strings: SharedStrings, source: ExportSource): string {
	const about = [
		source.title,
		source.sample
			? 'VOORBEELDDATA: synthetische cijfers, niet de cijfers van de gemeente. Gebruik ze niet voor besluiten.'
			: null,
		`Bron: ${source.source}`,
		`Gegevens geleverd op: ${source.dataDate}`,
		'Bedragen in euro. Gemaakt met Koers.'
	].filter((x): x is string => x !== null);
	return sheetXml(
		about.map(
			(line, i) =>
				`<row r="${i + 1}">${cellXml(strings, `A${i + 1}`, line, i === 0 ? STYLE.title : STYLE.text)}</row>`
		),
		[100]
	);
}

/**
 * An XLSX workbook with one sheet per table and a sheet "Bron" that says where the figures come
 * from. Numbers are real numbers with a number format (#,##0), so Dutch Excel shows 12.216.821
 * and can calculate with them.
 */
export function toXlsx(options: { tables: ExportTable[]; source: ExportSource }): Uint8Array {
	const strings = new SharedStrings();
	const sheets: { name: string; xml: string }[] = [];
	for (const table of options.tables)
		sheets.push({
			name: sheetName(table.name, new Set(sheets.map((x) => x.name))),
			xml: tableSheet(strings, table)
		});
	sheets.push({ name: 'Bron', xml: sourceSheet(strings, options.source) });
	return packageWorkbook(sheets, strings.strings);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts of the workbook package, zipped. */
function packageWorkbook(sheets: { name: string; xml: string }[], strings: string[]): Uint8Array {
	const xmlHead = XML_HEAD;
	const enc = new TextEncoder();
	const parts: Record<string, string> = {
		'[Content_Types].xml': `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets
			.map(
				(_, i) =>
					`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
			)
			.join('')}</Types>`,
		'_rels/.rels': `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml': `${xmlHead}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
			.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
			.join('')}</sheets></workbook>`,
		'xl/_rels/workbook.xml.rels': `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
			.map(
				(_, i) =>
					`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
			)
			.join(
				''
			)}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		// numFmt 3 is Excel's built-in "#,##0"; 164/165 add one and two decimals.
		'xl/styles.xml': STYLES_XML,
		'xl/sharedStrings.xml': `${xmlHead}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
			.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
			.join('')}</sst>`,
		...Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]))
	};
	// fflate's synchronous zip: no eval and no worker, so it runs under the site's CSP; a fixed
	// timestamp keeps the same table the same file.
	return zipSync(Object.fromEntries(Object.entries(parts).map(([path, text]) => [path, enc.encode(text)])), {
		level: 6,
		mtime: new Date(1980, 0, 1)
	});
}

/** The cell styles: text, #,##0, #,##0.0, #,##0.00, bold header, title. */
const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(name: string, used: Set<string>): string {
	const clean = name
		.replace(/[[\]:*?/\\]/g, ' ')
		.slice(0, 31)
		.trim();
	let candidate = clean;
	for (let n = 2; used.has(candidate) || candidate === 'Bron'; n++)
		candidate = `${clean.slice(0, 27)} (${n})`;
	return candidate;
}
