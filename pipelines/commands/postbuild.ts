import { defineCommand } from './command';

/** After `vite build`: the pages' CSP for nginx, and .gz/.br twins of every compressible file. */
export const command = defineCommand({
	name: 'postbuild',
	start: 'npx tsx pipelines/cli.ts postbuild',
	summary: 'Schrijft na vite build de CSP van elke pagina voor nginx en comprimeert de site (gzip, brotli).',
	usage: ['npx tsx pipelines/cli.ts postbuild'],
	options: {},
	async run() {
		const { postbuild } = await import('../postbuild');
		const buildDir = process.env.KOERS_BUILD_DIR ?? 'build';
		const r = await postbuild({ buildDir });
		const mb = (n: number) => (n / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
		console.log(
			`${buildDir}: CSP van ${r.pages} pagina's in csp-nginx.map; ${r.compressed} bestanden gecomprimeerd (${mb(r.bytes)} MB → gzip ${mb(r.gzipBytes)} MB, brotli ${mb(r.brotliBytes)} MB) in ${(r.ms / 1000).toFixed(1)} s.`
		);
	}
});
