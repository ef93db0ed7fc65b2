import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { toDutchCsv } from '../../src/lib/export/csv';
import { downloadName, fileStem, type ExportTable } from '../../src/lib/export/table';
import { toXlsx } from '../../src/lib/export/xlsx';

const table: ExportTable = {
	name: 'Baten en lasten 2023',
	columns: [
		{ key: 'regel', label: 'Doel', kind: 'text' },
		{ key: 'lasten', label: 'Lasten', kind: 'integer' },
		{ key: 'procent', label: 'Verschil (%)', kind: 'decimal', decimals: 1 }
	],
	rows: [
		{ regel: 'Doel 2.1.1 Ondersteuning in de wijk', lasten: 12216821, procent: 5.4 },
		{ regel: 'Regel met ; en "aanhalingstekens"', lasten: null, procent: -0.1 }
	]
};
const source = { title: 'Financiën Zwolle 2023', source: 'test', dataDate: '2025-01-31', sample: true };

describe('CSV for Dutch Excel', () => {
	test('semicolons, decimal comma, no thousands separator, BOM, quoted text, empty for missing', () => {
		const csv = toDutchCsv(table);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'Doel;Lasten;Verschil (%)',
			'Doel 2.1.1 Ondersteuning in de wijk;12216821;5,4',
			'"Regel met ; en ""aanhalingstekens""";;-0,1',
			''
		]);
	});
	test('hostile text becomes inert text; numbers stay numbers; decimals as the column says', () => {
		const hostile: ExportTable = {
			name: 'Toelichtingen',
			columns: [
				{ key: 'tekst', label: 'Toelichting', kind: 'text' },
				{ key: 'verschil', label: 'Verschil', kind: 'integer' },
				{ key: 'procent', label: 'Verschil (%)', kind: 'decimal', decimals: 1 }
			],
			rows: [
				{ tekst: '=HYPERLINK("http://x","klik")', verschil: -250000, procent: 1.58846918489065 },
				{ tekst: '+31 6 1234', verschil: 3, procent: -12.25 },
				{ tekst: '-2+3', verschil: 0, procent: 0 },
				{ tekst: '@SUM(A1)', verschil: null, procent: null },
				{ tekst: '\t=1', verschil: 1, procent: 10 },
				{ tekst: 'gewone tekst - met streepje', verschil: 1, procent: 2.04 }
			]
		};
		expect(toDutchCsv(hostile).slice(1).split('\r\n')).toEqual([
			'Toelichting;Verschil;Verschil (%)',
			`"'=HYPERLINK(""http://x"",""klik"")";-250000;1,6`,
			`"'+31 6 1234";3;-12,3`,
			`"'-2+3";0;0,0`,
			`"'@SUM(A1)";;`,
			`"'\t=1";1;10,0`,
			'gewone tekst - met streepje;1;2,0',
			''
		]);
	});

	test('file names say "voorbeelddata" for the sample', () => {
		expect(fileStem({ title: 'Financiën Zwolle 2023', sample: true })).toBe(
			'financien-zwolle-2023-voorbeelddata'
		);
		expect(fileStem({ title: 'Financiën Zwolle 2023', sample: false })).toBe('financien-zwolle-2023');
	});

	test('downloads of one page differ by view and year', () => {
		const source = { title: 'Gebruik huishoudelijke ondersteuning Zwolle', sample: true };
		const names = [
			downloadName({ source, view: 'reeks', format: 'csv' }),
			downloadName({ source, view: 'per wijk 2024', format: 'csv' }),
			downloadName({ source, view: 'per buurt 2024', format: 'csv' }),
			downloadName({ source, view: 'per buurt 2016', format: 'xlsx' })
		];
		expect(names).toEqual([
			'gebruik-huishoudelijke-ondersteuning-zwolle-reeks-voorbeelddata.csv',
			'gebruik-huishoudelijke-ondersteuning-zwolle-per-wijk-2024-voorbeelddata.csv',
			'gebruik-huishoudelijke-ondersteuning-zwolle-per-buurt-2024-voorbeelddata.csv',
			'gebruik-huishoudelijke-ondersteuning-zwolle-per-buurt-2016-voorbeelddata.xlsx'
		]);
		expect(downloadName({ source, format: 'csv' })).toBe(
			'gebruik-huishoudelijke-ondersteuning-zwolle-voorbeelddata.csv'
		);
	});
});

describe('XLSX', () => {
	test('Excel reads real numbers with a thousands format, the texts, and a source sheet labelled as sample', async () => {
		const bytes = toXlsx({ tables: [table], source });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Baten en lasten 2023', 'Bron']);
		const sheet = workbook.getWorksheet('Baten en lasten 2023')!;
		expect(sheet.getRow(1).values).toEqual([undefined, 'Doel', 'Lasten', 'Verschil (%)']);
		const lasten = sheet.getCell('B2');
		expect(lasten.value).toBe(12216821);
		expect(typeof lasten.value).toBe('number');
		expect(lasten.numFmt).toBe('#,##0');
		expect(sheet.getCell('C2').value).toBe(5.4);
		expect(sheet.getCell('C2').numFmt).toBe('#,##0.0');
		expect(sheet.getCell('A3').value).toBe('Regel met ; en "aanhalingstekens"');
		expect(sheet.getCell('B3').value).toBeNull();
		const about = workbook.getWorksheet('Bron')!;
		const text = about.getColumn(1).values.join('\n');
		expect(text).toContain('VOORBEELDDATA');
		expect(text).toContain('Gegevens geleverd op: 2025-01-31');
	});

	test('control characters in text do not break the file; a formula-like text stays text', async () => {
		const hostile: ExportTable = {
			name: 'Namen\u0007',
			columns: [{ key: 'naam', label: 'Naam\u0000', kind: 'text' }],
			rows: [{ naam: 'Wijk\u0001 <Oost> & "West"\u001f' }, { naam: '=1+1' }]
		};
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(toXlsx({ tables: [hostile], source }).buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('Namen');
		expect(sheet.getCell('A1').value).toBe('Naam');
		expect(sheet.getCell('A2').value).toBe('Wijk <Oost> & "West"');
		expect(sheet.getCell('A3').value).toBe('=1+1');
		expect(sheet.getCell('A3').formula).toBeUndefined();
	});

	test('sheet names stay unique and within Excel limits', async () => {
		const long = { ...table, name: 'Een heel lange naam: langer dan eenendertig tekens' };
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(toXlsx({ tables: [long, long], source }).buffer as ArrayBuffer);
		const names = workbook.worksheets.map((w) => w.name);
		expect(new Set(names).size).toBe(3);
		for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
		expect(names.join()).not.toMatch(/[[\]:*?/\\]/);
	});
});
