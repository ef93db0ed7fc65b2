import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { currentDivision, divisionOutlines, readDivisionAreas } from '../../src/lib/gemeente/division';
import { loadGemeente, readDeliveryInfo } from '../../src/lib/gemeente/folder';
import { sampleGemeenten } from '../helpers/gemeenten';

const root = 'tests/fixtures/gemeente';

/** Reads a fixture gemeente as the pipeline and the build do: folder, bron.json, division, outlines. */
async function readAll(dir: string, code: string) {
	const rawDir = join(dir, 'raw', code);
	const gemeente = loadGemeente({
		gemeentenDir: join(dir, 'gemeenten'),
		code,
		delivery: existsSync(rawDir) ? readDeliveryInfo(rawDir) : null
	});
	const division = currentDivision(gemeente);
	if (!division) return gemeente;
	await readDivisionAreas({ gemeente: code, division });
	for (const level of ['wijk', 'buurt'] as const) await divisionOutlines({ gemeente: code, division, level });
	return gemeente;
}

describe('a gemeente folder that disagrees with itself is refused, naming the file', () => {
	test.each(readdirSync(root).sort())('%s', async (name) => {
		const { message } = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
			message: string;
		};
		await expect(readAll(join(root, name), 'GM9901')).rejects.toThrow(message);
	});
});

describe('the sample gemeente folders', () => {
	test('agree with themselves and hold what the site shows', async () => {
		const [groningen, zwolle] = sampleGemeenten();
		expect(zwolle).toMatchObject({ code: 'GM0193', name: 'Zwolle' });
		expect(zwolle!.catalogs.map((c) => `${c.budgetYear} ${c.programme.number}`)).toEqual(['2016 12']);
		expect(zwolle!.reports.map((r) => r.name)).toEqual(['doel-2.1.1', 'programma-12']);
		expect(zwolle!.settingsFile).toMatch(/GM0193\/financien\.yaml$/);
		expect(groningen).toMatchObject({ code: 'GM0014', name: 'Groningen', catalogs: [], reports: [] });
		for (const g of [zwolle!, groningen!]) {
			const division = currentDivision(g)!;
			expect(division.year).toBe(2014);
			const areas = await readDivisionAreas({ gemeente: g.code, division });
			expect(areas.wijken.length).toBe(g === zwolle ? 16 : 10);
			expect(areas.buurten.length).toBe(g === zwolle ? 78 : 70);
			expect(areas.buurten.every((b) => b.code.startsWith(`BU${g.code.slice(2)}`))).toBe(true);
		}
	});
});
