import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { surveySchema } from '../../pipelines/schemas/survey';
import { wmoSchema } from '../../pipelines/schemas/wmo';
import { checkHeader } from '../../pipelines/sources/csv-export';

const doc = readFileSync('docs/aanleverformaat.md', 'utf8');

describe.each([
	['wmo_voorzieningen.csv', wmoSchema],
	['bvb_respondenten.csv', surveySchema]
])('delivery format of %s', (file, schema) => {
	test('the documentation names the file and describes every column', () => {
		expect(doc).toContain(`\`${file}\``);
		for (const c of schema.columns)
			expect(doc, `column ${c.name}`).toMatch(new RegExp(`^\\|\\s*${c.name}\\s+\\|`, 'm'));
		if (schema.columns.some((c) => c.type === 'code')) {
			for (const c of schema.columns)
				if (c.type === 'code')
					for (const code of c.codes) expect(doc, `${c.name} code ${code}`).toContain(`\`${code}\``);
		}
	});

	test('the template has exactly the schema header', () => {
		const header = readFileSync(`data/templates/${file}`, 'utf8').split(/\r?\n/)[0]!.split(';');
		expect(checkHeader({ file, names: header, schema })).toEqual([]);
	});
});
