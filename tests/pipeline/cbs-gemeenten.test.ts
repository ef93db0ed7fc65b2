import { describe, expect, test } from 'vitest';
import { PipelineError } from '../../pipelines/errors';
import { readCbsGemeenten } from '../../pipelines/sources/cbs/gemeenten';

const ROOT = 'tests/fixtures/cbs-gemeenten';

function refusal(name: string): PipelineError {
	try {
		readCbsGemeenten(`${ROOT}/${name}`);
	} catch (error) {
		if (error instanceof PipelineError) return error;
		throw error;
	}
	throw new Error(`${name}: not refused`);
}

describe("CBS's list of gemeenten and provinces (tests/fixtures/cbs-gemeenten)", () => {
	test('the real rows read back, as Excel saves them (;) and with quotes, commas and a BOM', () => {
		expect(readCbsGemeenten(`${ROOT}/ok`)!.gemeenten).toEqual([
			{ code: 'GM1680', name: 'Aa en Hunze', provinceCode: 'PV22', province: 'Drenthe' },
			{ code: 'GM0106', name: 'Assen', provinceCode: 'PV22', province: 'Drenthe' },
			{ code: 'GM0114', name: 'Emmen', provinceCode: 'PV22', province: 'Drenthe' },
			{ code: 'GM0014', name: 'Groningen', provinceCode: 'PV20', province: 'Groningen' }
		]);
		const comma = readCbsGemeenten(`${ROOT}/comma-bom`)!;
		expect(comma.gemeenten.map((g) => [g.code, g.name, g.province])).toEqual([
			['GM0106', 'Assen', 'Drenthe'],
			['GM1680', 'Aa en Hunze', 'Drenthe']
		]);
		expect(comma.source).toMatchObject({ rows: 2, published: 2, quarantined: 0 });
	});

	test('no list delivered: no provinces, no error', () => {
		expect(readCbsGemeenten(`${ROOT}/none`)).toBeNull();
	});

	test('a missing column names the file and what to download', () => {
		const e = refusal('missing-column');
		expect(e.message).toContain('cbs-gemeenten/missing-column/cbs/gemeenten-alfabetisch.csv regel 1');
		expect(e.message).toContain('kolom ProvinciecodePV, Provincienaam ontbreekt');
		expect(e.message).toContain('Gemeenten alfabetisch');
	});

	test('a bad code and a gemeente listed twice name the line and the column', () => {
		expect(refusal('bad-code').issues).toEqual([
			expect.objectContaining({ line: 3, column: 2, columnName: 'GemeentecodeGM', value: 'Emmen' })
		]);
		expect(refusal('duplicate').message).toContain(
			'regel 3, kolom 2 (GemeentecodeGM): GM0106 staat al op regel 2'
		);
	});
});
