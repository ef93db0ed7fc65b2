import { defaultPaths } from './config';
import { formatIssue, PipelineError } from './errors';
import { relative } from 'node:path';
import { writeFile } from 'node:fs/promises';

/** The one command-line entry of the pipelines: `synth`, `run` and `serve`. */
async function main(argv: string[]): Promise<void> {
	const [command] = argv;
	const paths = defaultPaths();
	switch (command) {
		case 'synth': {
			const at = argv.indexOf('--scale');
			if (at >= 0 && argv[at + 1] === 'national') {
				// Every gemeente of the country; --gemeenten N limits the generated ones (for tests).
				const { writeNational } = await import('./synth/national');
				const n = argv.indexOf('--gemeenten');
				const started = performance.now();
				const tty = process.stderr.isTTY;
				const result = await writeNational({
					paths,
					gemeenten: n >= 0 ? Number(argv[n + 1]) : undefined,
					onGemeente: (done, total) => {
						if (tty) process.stderr.write(`\r${done} van ${total} gemeenten geschreven`);
						else if (done % 50 === 0 || done === total)
							process.stderr.write(`${done} van ${total} gemeenten geschreven\n`);
					}
				});
				if (tty) process.stderr.write('\n');
				console.log(
					`Landelijke voorbeelddata geschreven naar ${relative(process.cwd(), paths.raw)}: ${result.gemeenten} gemeenten, ${result.inhabitants.toLocaleString('nl-NL')} inwoners, in ${((performance.now() - started) / 1000).toFixed(0)} s.`
				);
				return;
			}
			const scale = at >= 0 ? Number(argv[at + 1]) : 1;
			if (!(scale > 0)) throw new Error(`--scale needs a positive number, got "${argv[at + 1] ?? ''}"`);
			const { writeSample } = await import('./synth/index');
			for (const r of await writeSample({ paths, scale })) {
				console.log(
					`Voorbeelddata geschreven naar ${r.dir}: ${r.wmo} WMO-toewijzingen, ${r.survey} enquêterespondenten, ${r.jeugd} jeugdhulptrajecten.`
				);
			}
			return;
		}
		case 'run': {
			// A progress bar on a terminal; plain lines in logs (CI).
			const tty = process.stderr.isTTY;
			// Each command loads what it needs: a pipeline run starts without the sample generator or the server.
			const { runPipeline } = await import('./run');
			const report = await runPipeline({
				paths,
				onProgress: ({ stage, done }) => {
					const width = 24;
					const bar = '█'.repeat(Math.round(done * width)).padEnd(width, '░');
					if (tty)
						process.stderr.write(`\r${bar} ${Math.round(done * 100)}% ${stage}`.padEnd(100).slice(0, 100));
					else process.stderr.write(`${Math.round(done * 100)}% ${stage} klaar\n`);
				}
			});
			if (tty) process.stderr.write('\n');
			if (report.sampleKey) {
				console.warn(
					'LET OP: voorbeeldsleutel gebruikt voor pseudonimisering. Alleen toegestaan voor synthetische voorbeelddata.'
				);
			}
			console.log(
				`Pipeline klaar in ${report.seconds.toFixed(1)} s. Release ${report.manifest.release.slice(0, 12)}${report.manifest.sample ? ' (VOORBEELDDATA)' : ''}:`
			);
			for (const s of report.sources) {
				console.log(
					`  bron ${s.file}: ${s.rows} regels gelezen, ${s.published} verwerkt, ${s.quarantined} in quarantaine (${s.format})`
				);
				for (const issue of s.issues.slice(0, 5)) console.log(`    - ${formatIssue(issue)}`);
				if (s.report) console.log(`    volledig quarantainerapport: ${relative(process.cwd(), s.report)}`);
			}
			console.log(
				`  tijd per stap: ${Object.entries(report.stages)
					.map(([k, v]) => `${k} ${v.toFixed(2)} s`)
					.join('; ')}`
			);
			for (const [name, t] of Object.entries(report.manifest.tables))
				console.log(`  tabel ${name}: ${t.rows} rijen`);
			return;
		}
		case 'docs': {
			// The delivery format and templates are generated from the schemas, then formatted like the rest.
			const { deliveryFormatMarkdown, templateCsv } = await import('./docs');
			const { SOURCES } = await import('./sources/registry');
			const { format } = await import('prettier');
			const md = await format(deliveryFormatMarkdown(), {
				parser: 'markdown',
				printWidth: 110,
				useTabs: true
			});
			await writeFile('docs/aanleverformaat.md', md);
			for (const s of SOURCES) await writeFile(`data/templates/${s.stem}.csv`, templateCsv(s.schema));
			console.log(`docs/aanleverformaat.md en ${SOURCES.length} sjablonen in data/templates/ geschreven.`);
			return;
		}
		case 'reconcile': {
			// The reconciliation report over the published release: every year, or --jaar J.
			const { reconcileReport } = await import('./reconcile-report');
			const at = argv.indexOf('--jaar');
			const xlsxAt = argv.indexOf('--xlsx');
			const g = argv.indexOf('--gemeente');
			const failed = await reconcileReport({
				paths,
				gemeente: g >= 0 ? argv[g + 1] : undefined,
				year: at >= 0 ? Number(argv[at + 1]) : undefined,
				xlsx: xlsxAt >= 0 ? argv[xlsxAt + 1] : undefined,
				print: (line) => console.log(line)
			});
			if (failed > 0 && argv.includes('--strikt')) process.exitCode = 1;
			return;
		}
		case 'report': {
			// `report <naam of programmanummer> [--year J]`, or `report --all --build` after vite build.
			const { renderReportPdfs } = await import('./report-pdf');
			const { releaseReports } = await import('../src/lib/server/report-page');
			const { hasChromium } = await import('./chromium');
			const reports = releaseReports();
			const all = argv.includes('--all');
			const intoBuild = argv.includes('--build');
			const which = argv[1] && !argv[1].startsWith('--') ? argv[1] : undefined;
			const at = argv.indexOf('--year');
			const year = at >= 0 ? Number(argv[at + 1]) : null;
			if (year !== null && !Number.isInteger(year))
				throw new Error(`--year needs a year, got "${argv[at + 1] ?? ''}"`);
			const g = argv.indexOf('--gemeente');
			const only = g >= 0 ? argv[g + 1] : undefined;
			const chosen = reports.filter(
				({ gemeente, report: r }) =>
					(only === undefined || gemeente.code === only) &&
					(all || r.name === which || r.programme === which || r.name === `programma-${which}`)
			);
			if (chosen.length === 0) {
				if (all) return; // a release without reports: nothing to render
				throw new Error(
					`onbekend rapport "${which ?? ''}": kies uit ${reports.map(({ gemeente, report: r }) => `${r.name} (${gemeente.name}, programma ${r.programme})`).join(', ') || 'geen (er staan geen rapporten in de gemeentemappen)'}`
				);
			}
			if (intoBuild && !hasChromium()) {
				console.warn(
					"LET OP: Chromium ontbreekt, de PDF-versies van de rapporten zijn niet gemaakt (apt-get install -y chromium); de rapportpagina's zelf zijn er wel."
				);
				return;
			}
			const done = await renderReportPdfs({
				buildDir: process.env.KOERS_BUILD_DIR ?? 'build',
				targets: chosen.map(({ gemeente, report: r }) => ({ gemeente: gemeente.code, name: r.name, year })),
				outDir: 'reports/out',
				copyIntoBuild: intoBuild
			});
			for (const d of done) console.log(`PDF geschreven: ${d.file} (${Math.round(d.ms)} ms)`);
			return;
		}
		case 'gemeente': {
			// `gemeente nieuw <code> "<naam>" [--jaar J]` or `gemeente controleer <code>`.
			const { scaffoldGemeente, checkGemeente } = await import('./gemeente');
			const [, action, code, name] = argv;
			if (action === 'nieuw' && code) {
				const at = argv.indexOf('--jaar');
				const year = at >= 0 ? Number(argv[at + 1]) : new Date().getFullYear();
				if (!Number.isInteger(year))
					throw new PipelineError(`--jaar verwacht een jaar, niet "${argv[at + 1] ?? ''}"`);
				for (const line of await scaffoldGemeente({ paths, code, name: name ?? '', year })) console.log(line);
				return;
			}
			if (action === 'controleer' && code) {
				const findings = await checkGemeente({ paths, code });
				const mark = { ok: '✓', ontbreekt: '–', fout: '✗', 'let op': '!' } as const;
				for (const f of findings) console.log(`${mark[f.kind]} ${f.text}`);
				const errors = findings.filter((f) => f.kind === 'fout').length;
				const missing = findings.filter((f) => f.kind === 'ontbreekt').length;
				console.log(
					`\n${errors} fouten, ${missing} ontbrekend.${errors + missing === 0 ? ' Klaar voor npm run pipeline.' : ''}`
				);
				if (errors > 0) process.exitCode = 1;
				return;
			}
			throw new PipelineError(
				'gebruik: npm run gemeente -- nieuw <code> "<naam>" [--jaar <begrotingsjaar>]  of  npm run gemeente -- controleer <code>'
			);
		}
		case 'postbuild': {
			// After vite build: the pages' CSP for nginx, and .gz/.br twins of every compressible file.
			const { postbuild } = await import('./postbuild');
			const buildDir = process.env.KOERS_BUILD_DIR ?? 'build';
			const r = await postbuild({ buildDir });
			const mb = (n: number) => (n / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
			console.log(
				`${buildDir}: CSP van ${r.pages} pagina's in csp-nginx.map; ${r.compressed} bestanden gecomprimeerd (${mb(r.bytes)} MB → gzip ${mb(r.gzipBytes)} MB, brotli ${mb(r.brotliBytes)} MB) in ${(r.ms / 1000).toFixed(1)} s.`
			);
			return;
		}
		case 'serve': {
			const port = Number(process.env.PORT ?? 4173);
			const { serve } = await import('./serve');
			await serve({ dir: process.env.KOERS_BUILD_DIR ?? 'build', port });
			return;
		}
		default:
			throw new Error(
				`unknown command "${command ?? ''}": use synth, run, docs, reconcile, report, gemeente or serve`
			);
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	// Users get the message, never a stack trace; developers can set DEBUG=1.
	console.error(error instanceof PipelineError || !process.env.DEBUG ? (error as Error).message : error);
	process.exit(1);
});
