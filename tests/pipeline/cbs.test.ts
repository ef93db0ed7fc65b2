import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	cellValue,
	parsePeriod,
	periodStatus,
	readCbsTable,
	regionLevel,
	stableMeasureId,
	type CbsCell,
	type CbsMeasure
} from '../../pipelines/sources/cbs/odata';
import { PipelineError } from '../../pipelines/errors';
import { runPipeline } from '../../pipelines/run';
import { openRelease } from '../../src/lib/db/node.server';
import { fixturePaths } from '../helpers/paths';
import { tempFolders } from '../helpers/temp';

const ROOT = 'tests/fixtures/cbs';
const cases = readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory());

interface Expected {
	count?: number;
	format?: string;
	cells?: Partial<CbsCell>[];
	measures?: CbsMeasure[];
	error?: string;
	file?: string;
}

describe('CBS tables as CBS publishes them (tests/fixtures/cbs)', () => {
	test.each(cases)('%s', (name) => {
		const expected = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as Expected;
		const [table] = readdirSync(join(ROOT, name)).filter((n) => statSync(join(ROOT, name, n)).isDirectory());
		const dir = join(ROOT, name, table!);
		if (expected.error) {
			let error: unknown;
			try {
				readCbsTable(dir);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(PipelineError);
			expect((error as Error).message).toContain(expected.error);
			expect((error as Error).message.startsWith(join(ROOT, expected.file!))).toBe(true);
			return;
		}
		const read = readCbsTable(dir);
		if (expected.count !== undefined) expect(read.cells).toHaveLength(expected.count);
		if (expected.format) expect(read.format).toBe(expected.format);
		if (expected.measures) expect(read.measures).toEqual(expected.measures);
		for (const cell of expected.cells ?? []) expect(read.cells).toContainEqual(expect.objectContaining(cell));
		// A secret or unknown cell is null, never 0, whatever way CBS wrote it.
		expect(read.cells.filter((c) => c.value === 0)).toEqual([]);
	});
});

describe('CBS conventions', () => {
	test('period codes: years, half years, quarters and months; nothing else', () => {
		expect(parsePeriod('2024JJ00')).toEqual({ year: 2024, periodKind: 'jaar', periodNumber: null });
		expect(parsePeriod('2023HJ02')).toEqual({ year: 2023, periodKind: 'halfjaar', periodNumber: 2 });
		expect(parsePeriod('2023KW04')).toEqual({ year: 2023, periodKind: 'kwartaal', periodNumber: 4 });
		expect(parsePeriod('2023MM12')).toEqual({ year: 2023, periodKind: 'maand', periodNumber: 12 });
		for (const bad of ['2024', '2023HJ03', '2023KW05', '2023MM13', '2023JJ01', '2023XX01'])
			expect(parsePeriod(bad)).toBeNull();
	});

	test('status from the period title or its Status field', () => {
		expect(periodStatus('2024*')).toBe('voorlopig');
		expect(periodStatus('2023**')).toBe('nader voorlopig');
		expect(periodStatus('2022')).toBe('definitief');
		expect(periodStatus('2024', 'Nader voorlopig')).toBe('nader voorlopig');
		expect(periodStatus('2024*', 'Definitief')).toBe('definitief');
	});

	test('padded region keys and their level', () => {
		expect(regionLevel('NL01    ')).toBe('land');
		expect(regionLevel('GM0193    ')).toBe('gemeente');
		expect(regionLevel('WK019310  ')).toBe('wijk');
		expect(regionLevel('BU01931000')).toBe('buurt');
		expect(regionLevel('PV23    ')).toBe('provincie');
	});

	test('measures keep their identity when the suffix shifts between editions', () => {
		expect(stableMeasureId('WmoClienten_5')).toBe(stableMeasureId('WmoClienten_86'));
		expect(stableMeasureId('WmoClientenPer1000Inwoners_6')).toBe('WmoClientenPer1000Inwoners');
	});

	test('secret and unknown cells are null, never 0', () => {
		for (const secret of [null, '.', '       .', '', -99997, '-99997', -99995])
			expect(cellValue(secret)).toBeNull();
		expect(cellValue(0)).toBe(0);
		expect(cellValue('   1284680')).toBe(1284680);
		expect(cellValue(72.4)).toBe(72.4);
	});
});

describe('CBS tables in a release', () => {
	const { temp } = tempFolders();

	test('published as cbs_cijfers beside the gemeenten: secret cells NULL, units and status kept, attributed', async () => {
		const raw = temp('koers-cbs-raw-');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		cpSync(join(ROOT, 'untyped-json-secret/86050NED'), join(raw, 'cbs/86050NED'), { recursive: true });
		cpSync(join(ROOT, 'wijken-buurten/82931NED'), join(raw, 'cbs/82931NED'), { recursive: true });
		const paths = fixturePaths({ raw });
		const run = await runPipeline({ paths, env: {} });
		expect(run.manifest.cbs).toEqual({
			attribution: 'Bron: CBS',
			licence: 'CC BY 4.0',
			tables: [
				{
					id: '82931NED',
					title: '82931NED',
					measures: [{ id: 'PersonenMetBijstand', title: 'Personen met bijstand', unit: 'aantal' }],
					periods: [{ period: '2014JJ00', status: 'definitief' }]
				},
				{
					id: '86050NED',
					title: 'Wmo-cliënten; regio',
					measures: [
						{ id: 'WmoClienten', title: 'Wmo-cliënten', unit: 'aantal' },
						{
							id: 'WmoClientenPer1000Inwoners',
							title: 'Wmo-cliënten per 1 000 inwoners',
							unit: 'per 1 000 inwoners'
						}
					],
					periods: [{ period: '2024JJ00', status: 'voorlopig' }]
				}
			]
		});
		// Rows in = rows published, per table folder.
		const sources = run.manifest.sources.filter((s) => s.file.startsWith('cbs/'));
		expect(sources.map((s) => [s.file, s.rows, s.published, s.quarantined])).toEqual([
			['cbs/82931NED', 3, 3, 0],
			['cbs/86050NED', 8, 8, 0]
		]);
		const { engine } = await openRelease({ publishedDir: paths.published });
		try {
			expect(
				await engine.query(
					"SELECT tabel, gebied_code, gebied_niveau, maat, eenheid, jaar, status, waarde FROM cbs_cijfers WHERE gebied_code IN ('NL01', 'GM9999', 'WK001400', 'BU00140000') ORDER BY ALL"
				)
			).toEqual([
				{
					tabel: '82931NED',
					gebied_code: 'BU00140000',
					gebied_niveau: 'buurt',
					maat: 'PersonenMetBijstand',
					eenheid: 'aantal',
					jaar: 2014,
					status: 'definitief',
					waarde: null
				},
				{
					tabel: '82931NED',
					gebied_code: 'WK001400',
					gebied_niveau: 'wijk',
					maat: 'PersonenMetBijstand',
					eenheid: 'aantal',
					jaar: 2014,
					status: 'definitief',
					waarde: 810
				},
				{
					tabel: '86050NED',
					gebied_code: 'GM9999',
					gebied_niveau: 'gemeente',
					maat: 'WmoClienten',
					eenheid: 'aantal',
					jaar: 2024,
					status: 'voorlopig',
					waarde: null
				},
				{
					tabel: '86050NED',
					gebied_code: 'GM9999',
					gebied_niveau: 'gemeente',
					maat: 'WmoClientenPer1000Inwoners',
					eenheid: 'per 1 000 inwoners',
					jaar: 2024,
					status: 'voorlopig',
					waarde: null
				},
				{
					tabel: '86050NED',
					gebied_code: 'NL01',
					gebied_niveau: 'land',
					maat: 'WmoClienten',
					eenheid: 'aantal',
					jaar: 2024,
					status: 'voorlopig',
					waarde: 1284680
				},
				{
					tabel: '86050NED',
					gebied_code: 'NL01',
					gebied_niveau: 'land',
					maat: 'WmoClientenPer1000Inwoners',
					eenheid: 'per 1 000 inwoners',
					jaar: 2024,
					status: 'voorlopig',
					waarde: 72
				}
			]);
			expect(await engine.query('SELECT count(*)::INTEGER AS n FROM cbs_cijfers WHERE waarde = 0')).toEqual([
				{ n: 0 }
			]);
		} finally {
			engine.close();
		}
	});

	test('a refused CBS table leaves the previous release untouched', async () => {
		const raw = temp('koers-cbs-raw-');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		const paths = fixturePaths({ raw });
		await runPipeline({ paths, env: {} });
		const before = readFileSync(join(paths.published, 'manifest.json'), 'utf8');
		cpSync(join(ROOT, 'no-dataproperties/86050NED'), join(raw, 'cbs/86050NED'), { recursive: true });
		await expect(runPipeline({ paths, env: {} })).rejects.toThrow(/DataProperties\.json ontbreekt/);
		expect(readFileSync(join(paths.published, 'manifest.json'), 'utf8')).toBe(before);
	});
});
