import { writeFile } from 'node:fs/promises';
import { defineCommand } from './command';

/** `npm run docs`: the delivery format and the templates, generated from the schemas. */
export const command = defineCommand({
	name: 'docs',
	start: 'npm run docs --',
	summary: 'Schrijft docs/aanleverformaat.md en de sjablonen in data/templates/ opnieuw uit de schema’s.',
	usage: ['npm run docs'],
	options: {},
	async run() {
		const { deliveryFormatMarkdown, templateCsv } = await import('../docs');
		const { SOURCES } = await import('../sources/registry');
		const { format } = await import('prettier');
		// Formatted like the rest of the repository, so `npm run lint` accepts what this writes.
		const md = await format(deliveryFormatMarkdown(), { parser: 'markdown', printWidth: 110, useTabs: true });
		await writeFile('docs/aanleverformaat.md', md);
		for (const s of SOURCES) await writeFile(`data/templates/${s.stem}.csv`, templateCsv(s.schema));
		console.log(`docs/aanleverformaat.md en ${SOURCES.length} sjablonen in data/templates/ geschreven.`);
	}
});
