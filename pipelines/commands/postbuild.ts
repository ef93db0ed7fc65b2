import { PipelineError } from '../errors';
import { defineCommand } from './command';
import { setting } from '../../src/lib/env';

/**
 * The last step of `npm run build` (after vite build and the report PDFs): the pages' CSP for nginx,
 * .gz/.br twins of every compressible file, and the link check: a link to a file the build did not
 * write fails the build, naming page and link.
 */
export const command = defineCommand({
	name: 'postbuild',
	start: 'npx tsx pipelines/cli.ts postbuild',
	summary:
		'Schrijft na vite build de CSP van elke pagina voor nginx, comprimeert de site (gzip, brotli) en controleert elke link.',
	usage: ['npx tsx pipelines/cli.ts postbuild'],
	options: {},
	async run() {
		const { postbuild } = await import('../postbuild');
		const { brokenLinksMessage, checkLinks } = await import('../link-check');
		const buildDir = setting('KOERS_BUILD_DIR');
		const r = await postbuild({ buildDir });
		const mb = (n: number) => (n / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
		console.log(
			`${buildDir}: CSP van ${r.pages} pagina's in csp-nginx.map; ${r.compressed} bestanden gecomprimeerd (${mb(r.bytes)} MB → gzip ${mb(r.gzipBytes)} MB, brotli ${mb(r.brotliBytes)} MB) in ${(r.ms / 1000).toFixed(1)} s.`
		);
		const links = checkLinks({ buildDir });
		if (links.broken.length > 0)
			throw new PipelineError(brokenLinksMessage({ buildDir, broken: links.broken }));
		console.log(
			`${buildDir}: alle ${links.links} links van ${links.files} pagina's en stylesheets wijzen naar een bestand van de build.`
		);
	}
});
