import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { surveySchema } from '../../src/lib/schemas/survey';
import { withLoadedExport } from '../helpers/exports';

/**
 * How a file writes its decimals is found while its cells are checked; a file without any '.' is not
 * searched for decimal points. Either way the notation named in the report and the values are right.
 */
const dir = mkdtempSync(join(tmpdir(), 'koers-decimals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
	'respondentnummer;jaar;buurtcode;leeftijdsklasse;beperking;gewicht;participatie;isolement;cohesie;inzet;belemmering;buurtoordeel';
const row = (id: string, weight: string, score: string) =>
	[id, '2014', 'BU01931000', '50-64', 'nee', weight, score, '1', '8', '6', '0', '10'].join(';');

async function load(name: string, rows: string[]) {
	return withLoadedExport(
		{ path: join(dir, name), content: [HEADER, ...rows].join('\n') + '\n', schema: surveySchema },
		async (engine, loaded) => ({
			format: loaded.format,
			quarantined: loaded.quarantined,
			values: await engine.query<{ gewicht: number; participatie: number }>(
				'SELECT gewicht, participatie FROM bvb_respondenten ORDER BY line'
			)
		})
	);
}

describe('decimal notation', () => {
	test('decimal commas in a file without any point', async () => {
		const r = await load('komma.csv', [row('R1', '13,192', '5,4'), row('R2', '2', '7')]);
		expect(r.format).toMatch(/, decimale komma$/);
		expect(r.quarantined).toBe(0);
		expect(r.values).toEqual([
			{ gewicht: 13.192, participatie: 5.4 },
			{ gewicht: 2, participatie: 7 }
		]);
	});

	test('decimal commas with a point elsewhere in the file', async () => {
		const r = await load('komma-punt.csv', [row('R.1', '1.013,5', '5,4'), row('R.2', '2', '7')]);
		expect(r.format).toMatch(/, decimale komma$/);
		expect(r.values).toEqual([
			{ gewicht: 1013.5, participatie: 5.4 },
			{ gewicht: 2, participatie: 7 }
		]);
	});

	test('decimal points', async () => {
		const r = await load('punt.csv', [row('R1', '13.192', '5.4'), row('R2', '2', '7')]);
		expect(r.format).toMatch(/, decimale punt$/);
		expect(r.values).toEqual([
			{ gewicht: 13.192, participatie: 5.4 },
			{ gewicht: 2, participatie: 7 }
		]);
	});

	test('whole numbers only', async () => {
		const r = await load('geheel.csv', [row('R1', '13', '5'), row('R2', '2', '7')]);
		expect(r.format).toMatch(/, geen decimale getallen$/);
	});

	test('both notations in one file are refused', async () => {
		await expect(load('beide.csv', [row('R1', '13,5', '5'), row('R2', '2', '7.4')])).rejects.toThrow(
			/zowel met decimale komma \(1×\) als met decimale punt \(1×\)/
		);
	});
});
