import { PipelineError } from '../errors';
import { defineCommand, yearOption } from './command';

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
		const { renderReportPdfs } = await import('../report-pdf');
		const { releaseReports } = await import('../../src/lib/server/report-page');
		const { hasChromium } = await import('../chromium');
		const reports = releaseReports();
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
			console.warn(
				"LET OP: Chromium ontbreekt, de PDF-versies van de rapporten zijn niet gemaakt (apt-get install -y chromium); de rapportpagina's zelf zijn er wel."
			);
			return;
		}
		const done = await renderReportPdfs({
			buildDir: process.env.KOERS_BUILD_DIR ?? 'build',
			targets: chosen.map(({ gemeente, report: r }) => ({ gemeente: gemeente.code, name: r.name, year })),
			outDir: 'reports/out',
			copyIntoBuild: values.build ?? false
		});
		for (const d of done) console.log(`PDF geschreven: ${d.file} (${Math.round(d.ms)} ms)`);
	}
});
