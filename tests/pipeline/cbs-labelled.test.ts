import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PipelineError } from '../../pipelines/errors';
import { periodCodeOfTitle } from '../../pipelines/sources/cbs/labelled';
import { readCbsTable, type CbsCell } from '../../pipelines/sources/cbs/odata';
import { readRegionLists } from '../../pipelines/sources/cbs/regions';

const FIXTURES = 'tests/fixtures/cbs-gelabeld';
const REAL = 'data/echt/cbs';

/** The error a reading raises, as a PipelineError. */
function refusal(dir: string): PipelineError {
	try {
		readCbsTable(dir);
	} catch (error) {
		expect(error).toBeInstanceOf(PipelineError);
		return error as PipelineError;
	}
	throw new Error(`${dir} was read, but should have been refused`);
}

function cell(cells: CbsCell[], where: Partial<CbsCell>): number | null | undefined {
	const found = cells.filter((c) => Object.entries(where).every(([k, v]) => c[k as keyof CbsCell] === v));
	expect(found, JSON.stringify(where)).toHaveLength(1);
	return found[0]!.value;
}

describe('the labelled layout: titles turned back into CBS codes', () => {
	test('period titles in every spelling CBS uses, and nothing else', () => {
		expect(periodCodeOfTitle('1e halfjaar 2024')).toBe('2024HJ01');
		expect(periodCodeOfTitle('1e half jaar 2024')).toBe('2024HJ01');
		expect(periodCodeOfTitle('2e halfjaar 2023')).toBe('2023HJ02');
		expect(periodCodeOfTitle('2023')).toBe('2023JJ00');
		expect(periodCodeOfTitle('2024*')).toBe('2024JJ00');
		expect(periodCodeOfTitle('2023 januari')).toBe('2023MM01');
		expect(periodCodeOfTitle('2024 september')).toBe('2024MM09');
		expect(periodCodeOfTitle('3e kwartaal 2023')).toBe('2023KW03');
		for (const bad of ['30 juni 2021', '3e halfjaar 2024', '2023 juni-juli', 'Totaal'])
			expect(periodCodeOfTitle(bad)).toBeNull();
	});

	test('both spellings of the first half year read as one period (85098NED, real rows)', () => {
		const read = readCbsTable(join(FIXTURES, 'half-year', '85098NED'));
		const first = read.cells.filter(
			(c) => c.measure === 'JongerenMetJeugdhulpInNatura' && c.periodNumber === 1
		);
		expect(first.map((c) => `${c.region} ${c.period} ${c.value}`)).toEqual([
			'GM0014 2023HJ01 13.2',
			'GM0014 2024HJ01 13.2',
			'GM0193 2023HJ01 10.3',
			'GM0193 2024HJ01 9.5'
		]);
		// The labelled download drops CBS's `*`: the status is not known, and not made up.
		expect(new Set(read.cells.map((c) => c.status))).toEqual(new Set(['onbekend']));
	});

	test('a title two codes share is refused with the line and the title', () => {
		const error = refusal(join(FIXTURES, 'two-codes', '86050NED'));
		expect(error.issues[0]).toMatchObject({ line: 3, columnName: 'RegioS', value: 'Bergen' });
		expect(error.message).toContain('regel 3');
		expect(error.message).toContain('"Bergen" past bij meer dan één code (GM0893');
		expect(error.message).toContain('GM0373');
	});

	test('a title no list holds is refused with the line and the title', () => {
		const error = refusal(join(FIXTURES, 'no-code', '86050NED'));
		expect(error.issues).toHaveLength(1);
		expect(error.issues[0]).toMatchObject({ line: 4, column: 3, value: 'Zwolle-Zuid' });
		expect(error.message).toContain('regio "Zwolle-Zuid" staat in geen enkele regiolijst van CBS');
	});

	test('a period title that is no CBS period is refused with the line and the title', () => {
		const error = refusal(join(FIXTURES, 'unknown-period', '86050NED'));
		expect(error.issues[0]).toMatchObject({ line: 3, columnName: 'Perioden', value: '30 juni 2023' });
	});
});

describe('the real labelled files (data/echt/cbs, Bron: CBS)', () => {
	const regions = readRegionLists(REAL);

	test('86050NED: the Zwolle figures of the reference read back exactly; Totaal complete, the rest cut off', () => {
		const read = readCbsTable(join(REAL, '86050NED'), { regions });
		const at = { region: 'GM0193', period: '2023JJ00', category: 'Totaal' };
		expect(cell(read.cells, { ...at, measure: 'WmoClienten' })).toBe(11_910);
		expect(cell(read.cells, { ...at, measure: 'WmoClientenPer1000Inwoners' })).toBe(90);
		expect(cell(read.cells, { ...at, region: 'NL01', measure: 'WmoClienten' })).toBe(1_247_750);
		// A secret cell stays null (Zwolle 2019 is empty in CBS's file), never 0.
		expect(cell(read.cells, { ...at, period: '2019JJ00', measure: 'WmoClienten' })).toBeNull();
		expect(read.coverage).toMatchObject({
			truncated: true,
			rows: 10_000,
			categories: [
				{ category: 'Totaal', complete: true },
				{ category: 'Totaal exclusief verblijf en opvang', complete: false }
			]
		});
		expect(read.measures.map((m) => [m.id, m.unit])).toEqual([
			['WmoClienten', 'aantal'],
			['WmoClientenPer1000Inwoners', 'per 1 000 inwoners']
		]);
	});

	test('85994NED: Zwolle 1e halfjaar 2024, persons and households with a voorziening in the sociaal domein', () => {
		const read = readCbsTable(join(REAL, '85994NED'), { regions });
		const at = { region: 'GM0193', period: '2024HJ01', category: 'Totaal | Totaal' };
		expect(cell(read.cells, { ...at, measure: 'ClientenMetVoorzieningen' })).toBe(17_235);
		expect(cell(read.cells, { ...at, measure: 'HuishoudensMetVoorzieningen' })).toBe(14_835);
		// the wijk code comes from the padded Codering column, trimmed
		expect(cell(read.cells, { ...at, region: 'WK019320', measure: 'ClientenMetVoorzieningen' })).toBe(40);
		expect(read.coverage?.skipped).toEqual([{ reason: 'wijk zonder code en zonder cijfers', rows: 155 }]);
	});

	test('85098NED: jeugd 2023 in %, Zwolle and Nederland; the size-class rows are named, not read', () => {
		const read = readCbsTable(join(REAL, '85098NED'), { regions });
		const v = (region: string, measure: string) => cell(read.cells, { region, measure, period: '2023JJ00' });
		expect([v('GM0193', 'JongerenMetJeugdhulpInNatura'), v('NL01', 'JongerenMetJeugdhulpInNatura')]).toEqual([
			12, 13.9
		]);
		expect([v('GM0193', 'JongerenMetJeugdbescherming'), v('NL01', 'JongerenMetJeugdbescherming')]).toEqual([
			1.5, 1.1
		]);
		expect([v('GM0193', 'JongerenMetJeugdreclassering'), v('NL01', 'JongerenMetJeugdreclassering')]).toEqual([
			0.5, 0.3
		]);
		// "Groningen (gemeente)" is the gemeente, not the province "Groningen (PV)"
		expect(v('GM0014', 'JongerenMetJeugdhulpInNatura')).toBe(15.6);
		expect(v('PV20', 'JongerenMetJeugdhulpInNatura')).not.toBeUndefined();
		expect(read.coverage).toMatchObject({
			truncated: false,
			skipped: [{ reason: 'gemeentegrootte', rows: 60 }]
		});
	});
});
