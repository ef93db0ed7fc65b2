import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CatalogError, parseCatalog } from '../../src/lib/catalog/parse';
import { sampleCatalogs } from '../helpers/gemeenten';

describe('catalogue', () => {
	test('the shipped template is a valid catalogue with every kind of norm', () => {
		const file = 'data/templates/catalogus-sjabloon.yaml';
		const catalog = parseCatalog({ text: readFileSync(file, 'utf8'), file });
		const kinds = catalog.goals.flatMap((g) => g.streefdoelen).map((s) => s.norm.kind);
		expect(new Set(kinds)).toEqual(new Set(['target', 'minimum', 'rise', 'fall', 'none']));
	});

	test('the Zwolle 2016 catalogue holds the seed figures of programme 12', () => {
		const [catalog] = sampleCatalogs();
		expect(catalog?.programme).toEqual({ number: '12', name: 'Inwonersondersteuning' });
		const all = Object.fromEntries(catalog!.goals.flatMap((g) => g.streefdoelen).map((s) => [s.id, s]));
		expect(all['mo-participatie']?.baseline).toMatchObject({ kind: 'value', value: 4.4, year: 2014 });
		expect(all['mo-isolement']?.baseline).toMatchObject({ kind: 'value', value: 2.2, year: 2014 });
		expect(all['mo-huishoudelijke-ondersteuning']?.baseline).toMatchObject({ value: 3385, year: 2015 });
		expect(all['mo-individuele-begeleiding']?.baseline).toMatchObject({ value: 1299, year: 2015 });
		expect(all['mo-swt-vindbaar']?.baseline).toEqual({
			kind: 'pending',
			text: 'Nulsituatie wordt eind 2015 vastgesteld.'
		});
		expect(all['wr-volledige-uitstroom']?.norm).toMatchObject({
			kind: 'target',
			value: 475,
			year: 2016,
			milestones: [{ year: 2015, value: 455 }]
		});
	});

	const root = 'tests/fixtures/catalog';
	test.each(readdirSync(root).sort())('invalid catalogue: %s', (name) => {
		const file = join(root, name, 'catalogus.yaml');
		const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
			messages: string[];
		};
		let error: unknown;
		try {
			parseCatalog({ text: readFileSync(file, 'utf8'), file });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CatalogError);
		for (const m of expected.messages) expect((error as Error).message).toContain(m);
		expect((error as Error).message).toContain(file);
	});
});
