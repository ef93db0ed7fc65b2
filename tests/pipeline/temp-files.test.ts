import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { writeMessages } from '../../pipelines/synth/messages';
import { fixturePaths } from '../helpers/paths';

/**
 * Converted copies of an export (XLSX → CSV, Windows-1252 → UTF-8) hold the raw rows, client numbers
 * included: a run that fails after the conversion must leave none behind.
 */
let temp: string;
let previous: string | undefined;
beforeEach(() => {
	previous = process.env['TMPDIR'];
	temp = mkdtempSync(join(tmpdir(), 'koers-temp-files-'));
	process.env['TMPDIR'] = temp;
});
afterEach(() => {
	process.env['TMPDIR'] = previous;
	rmSync(temp, { recursive: true, force: true });
});

const leftovers = () => readdirSync(temp).filter((f) => /^koers-(xlsx|utf8|iwmo|ijw)-/.test(f));

describe('temporary copies of exports', () => {
	test('an XLSX export refused after conversion leaves no converted CSV', async () => {
		const raw = join(temp, 'raw');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		const csv = readFileSync(join(raw, 'GM0193', 'wmo_voorzieningen.csv'), 'utf8')
			.trim()
			.split(/\r?\n/);
		rmSync(join(raw, 'GM0193', 'wmo_voorzieningen.csv'));
		const header = csv[0]!.split(';');
		const start = header.indexOf('startdatum');
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Toewijzingen');
		sheet.addRow(header);
		// Every row has an impossible date: far above the quarantine limit, so the file is refused.
		for (const line of csv.slice(1))
			sheet.addRow(line.split(';').map((v, i) => (i === start ? '31-02-2014' : v)));
		await book.xlsx.writeFile(join(raw, 'GM0193', 'wmo_voorzieningen.xlsx'));
		await expect(runPipeline({ paths: fixturePaths({ raw }), env: {} })).rejects.toThrow(/31-02-2014/);
		expect(leftovers()).toEqual([]);
	});

	test('a Windows-1252 export that cannot be read as CSV leaves no UTF-8 copy', async () => {
		const raw = join(temp, 'raw');
		cpSync('tests/fixtures/pipeline/windows-1252', raw, { recursive: true });
		const path = join(raw, 'GM0193', 'wmo_voorzieningen.csv');
		const lines = readFileSync(path, 'latin1').split('\n');
		lines[2] = `"${lines[2]}`; // an unterminated quote: DuckDB's reader fails after the transcoding
		writeFileSync(path, Buffer.from(lines.join('\n'), 'latin1'));
		await expect(runPipeline({ paths: fixturePaths({ raw }), env: {} })).rejects.toThrow(
			/kan niet als CSV gelezen worden/
		);
		expect(leftovers()).toEqual([]);
	});

	test('iJw messages refused after conversion leave no converted CSV with BSNs', async () => {
		const raw = join(temp, 'raw');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		const dir = join(raw, 'GM0193');
		await writeMessages({
			standard: 'ijw',
			csv: readFileSync(join(dir, 'jeugdhulp_trajecten.csv'), 'utf8'),
			dir: join(dir, 'ijw'),
			postcodeFile: join(dir, 'postcode_buurt.csv'),
			gemeente: 'GM0193',
			deliveryDate: '2016-01-31'
		});
		rmSync(join(dir, 'jeugdhulp_trajecten.csv'));
		// Every toewijzing is jeugdbescherming: all quarantined, far above the limit, so the delivery is refused.
		for (const f of readdirSync(join(dir, 'ijw')).filter((f) => f.includes('JW301'))) {
			const path = join(dir, 'ijw', f);
			writeFileSync(path, readFileSync(path, 'utf8').replace(/<ijw:Categorie>\d+</g, '<ijw:Categorie>48<'));
		}
		await expect(runPipeline({ paths: fixturePaths({ raw }), env: {} })).rejects.toThrow(/jeugdbescherming/);
		expect(leftovers()).toEqual([]);
	});
});
