import { writeFile } from 'node:fs/promises';
import { toXlsx } from '../src/lib/export/xlsx';
import { checksTable, varianceTable } from '../src/lib/finance/exports';
import { openRelease } from '../src/lib/server/duckdb-node';
import { buildFinanceView, financeGemeente, loadFinanceSettings } from '../src/lib/server/finance';
import type { Paths } from './config';
import { PipelineError } from './errors';

/**
 * Prints the reconciliation report of the published release (every check that fails, with the
 * amounts, and a count of those that pass) and optionally writes it as XLSX. Returns the number of
 * failed checks.
 */
export async function reconcileReport(options: {
	paths: Paths;
	year?: number;
	xlsx?: string;
	print: (line: string) => void;
}): Promise<number> {
	const { engine, manifest } = await openRelease({ publishedDir: options.paths.published });
	try {
		const gemeente = await financeGemeente({ engine, manifest });
		if (!gemeente)
			throw new PipelineError(
				'de release bevat geen financiële gegevens (fin_baten_lasten): lever ze aan en draai de pipeline'
			);
		const settings = loadFinanceSettings({ catalogDir: options.paths.catalog, gemeente: gemeente.code });
		const view = await buildFinanceView({
			engine,
			manifest,
			gemeente,
			settings,
			referenceDir: options.paths.reference
		});
		const years = options.year === undefined ? view.years : [options.year];
		if (options.year !== undefined && !view.byYear[options.year]) {
			throw new PipelineError(
				`geen financiële gegevens voor ${options.year} in de release; beschikbaar: ${view.years.join(', ')}`
			);
		}
		let failed = 0;
		if (manifest.sample)
			options.print('VOORBEELDDATA: synthetische cijfers, niet de cijfers van de gemeente.');
		for (const year of years) {
			const y = view.byYear[year]!;
			const bad = y.reconciliation.checks.filter((c) => !c.passed);
			failed += bad.length;
			options.print(
				`Aansluiting ${gemeente.name} ${year}: ${y.reconciliation.checks.length} controles, ${bad.length} kloppen niet.`
			);
			for (const c of bad) options.print(`  ✗ ${c.message}`);
			for (const n of y.reconciliation.notPerformed) options.print(`  ? niet uitgevoerd: ${n}`);
			const open = y.variances.filter((v) => v.flagged && !v.explanation);
			for (const v of open)
				options.print(
					`  ! afwijking zonder toelichting: doel ${v.doel} ${v.name}, ${v.column}: verschil ${v.difference.toLocaleString('nl-NL')} euro`
				);
		}
		if (options.xlsx) {
			const tables = years.flatMap((year) => [
				checksTable(view.byYear[year]!),
				varianceTable(view.byYear[year]!)
			]);
			const bytes = toXlsx({
				tables,
				source: {
					title: `Aansluitingsrapport ${gemeente.name}`,
					source: `${gemeente.name}: financiële administratie, overzicht baten en lasten en Iv3-export`,
					dataDate: manifest.dataDate,
					sample: manifest.sample
				}
			});
			await writeFile(options.xlsx, bytes);
			options.print(`Rapport geschreven naar ${options.xlsx}.`);
		}
		return failed;
	} finally {
		engine.close();
	}
}
