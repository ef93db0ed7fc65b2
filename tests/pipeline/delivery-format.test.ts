import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { describe, expect, test } from 'vitest';
import { deliveryFormatMarkdown, templateCsv } from '../../pipelines/docs';
import { loadCsvExport } from '../../pipelines/sources/csv-export';
import { loadTaakvelden } from '../../pipelines/sources/reference';
import { SOURCES } from '../../pipelines/sources/registry';
import { openNodeEngine } from '../../src/lib/db/node.server';
import { loadSampleAreas } from '../helpers/gemeenten';

describe('delivery format', () => {
	test('docs/aanleverformaat.md is what `npm run docs` generates from the schemas', async () => {
		const generated = await format(deliveryFormatMarkdown(), {
			parser: 'markdown',
			printWidth: 110,
			useTabs: true
		});
		expect(
			readFileSync('docs/aanleverformaat.md', 'utf8'),
			'run "npm run docs" after changing a schema'
		).toBe(generated);
	});

	test.each(SOURCES.map((s) => [s.stem, s] as const))(
		'the template of %s is generated and passes every check',
		async (stem, source) => {
			const path = `data/templates/${stem}.csv`;
			expect(readFileSync(path, 'utf8'), 'run "npm run docs" after changing a schema').toBe(
				templateCsv(source.schema)
			);
			const engine = await openNodeEngine();
			try {
				await loadSampleAreas(engine, 'GM0193');
				await loadTaakvelden({ engine, referenceDir: resolve('data/reference') });
				const loaded = await loadCsvExport({
					engine,
					path,
					file: path,
					schema: source.schema,
					maxQuarantineRate: 0
				});
				expect(loaded.quarantined).toBe(0);
				expect(loaded.rows).toBe(source.schema.example.length);
			} finally {
				engine.close();
			}
		}
	);
});
