import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { missingFields } from '../../src/lib/gemeente/accessibility';
import { loadGemeente } from '../../src/lib/gemeente/folder';
import { identityYaml } from '../../pipelines/gemeente';
import { parse } from 'yaml';

const FIXTURES = 'tests/fixtures/toegankelijkheid';

describe('toegankelijkheid in gemeente.yaml: validated, and what is missing named', () => {
	test.each(readdirSync(FIXTURES))('%s', (name) => {
		const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as {
			missing?: string[];
			error?: string;
		};
		const load = () => loadGemeente({ gemeentenDir: join(FIXTURES, name), code: 'GM9901' });
		if (expected.error) {
			expect(load).toThrow(expected.error);
			return;
		}
		expect(missingFields(load().accessibility).map((m) => m.field)).toEqual(expected.missing);
	});

	test("the scaffold's gemeente.yaml holds every field, commented out, and loads as missing them all", () => {
		const text = identityYaml({ code: 'GM9901', name: 'Proefdorp' });
		for (const field of [
			'toegankelijkheid:',
			'website:',
			'contact:',
			'email:',
			'onderzoek:',
			'door:',
			'datum:',
			'status:'
		])
			expect(text).toMatch(new RegExp(`^#\\s+${field}`, 'm'));
		// Only code and naam are set until the gemeente fills the fields in: nothing invented reaches the page.
		expect(parse(text)).toEqual({ code: 'GM9901', naam: 'Proefdorp' });
	});
});
