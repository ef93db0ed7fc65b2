import { resolve } from 'node:path';
import { PipelineError } from '../errors';
import { defineCommand, yearOption } from './command';
import { setting } from '../../src/lib/env';

/** `npm run report`: a programme report as PDF; `--alle --build` renders every report into the build. */
export const command = defineCommand({
	name: 'report',
	start: 'npm run report --',
	summary: 'Schrijft een programmarapport als PDF naar reports/out/ (met Chromium).',
	usage: [
		'npm run report -- <naam of programmanummer> [--jaar J] [--gemeente GM…]',
		'npm run report -- --alle --build'
	],
	options: {
		jaar: { type: 'string', value: 'J', help: 'het jaarverslag van dit jaar in plaats van de begroting' },
		gemeente: { type: 'string', value: 'GM…', help: 'alleen de rapporten van deze gemeente' },
		alle: { type: 'boolean', help: 'elk rapport' },
		build: { type: 'boolean', help: 'ook in build/ naast de rapportpagina (na vite build)' }
	},
	positionals: 1,
	async run({ values, positionals }) {
		const year = yearOption(values.jaar) ?? null;
		const { builtVariants, renderReportPdfs } = await import('../report-pdf');
		const { CHROMIUM, hasChromium } = await import('../../src/lib/chromium');
		const { releaseGemeenten } = await import('../../src/lib/gemeente/registry');
		const { readManifest } = await import('../../src/lib/db/node.server');
		// The reports of the release's gemeenten, as the site builds them.
		const reports = releaseGemeenten({
			gemeentenDir: resolve(setting('KOERS_GEMEENTEN_DIR')),
			manifest: readManifest(resolve(setting('KOERS_PUBLISHED_DIR')))
		}).flatMap((gemeente) => gemeente.reports.map((report) => ({ gemeente, report })));
		const [which] = positionals;
		const chosen = reports.filter(
			({ gemeente, report: r }) =>
				(values.gemeente === undefined || gemeente.code === values.gemeente) &&
				(values.alle || r.name === which || r.programme === which || r.name === `programma-${which}`)
		);
		if (chosen.length === 0) {
			if (values.alle) return; // a release without reports: nothing to render
			throw new PipelineError(
				`onbekend rapport "${which ?? ''}": kies uit ${reports.map(({ gemeente, report: r }) => `${r.name} (${gemeente.name}, programma ${r.programme})`).join(', ') || 'geen (er staan geen rapporten in de gemeentemappen)'}`
			);
		}
		if (values.build && !hasChromium()) {
			// The one place the developer hears of it: the pages already say "Geen PDF-versie" (pdfPlan).
			console.warn(
				`NOTE: report PDFs not made: Chromium is not installed (looked for ${CHROMIUM}). The report pages are built and say that no PDF is available. To get the PDFs: apt-get install -y chromium (or set CHROMIUM_PATH), then npm run build.`
			);
			return;
		}
		const buildDir = setting('KOERS_BUILD_DIR');
		const done = await renderReportPdfs({
			buildDir,
			// Into the build: every variant the build has a page for, as each page links its own PDF.
			targets: chosen.flatMap(({ gemeente, report: r }) =>
				values.build && year === null
					? builtVariants({ buildDir, gemeente: gemeente.code, name: r.name })
					: [{ gemeente: gemeente.code, name: r.name, year }]
			),
			outDir: 'reports/out',
			copyIntoBuild: values.build ?? false
		});
		for (const d of done) console.log(`PDF geschreven: ${d.file} (${Math.round(d.ms)} ms)`);
	}
});
