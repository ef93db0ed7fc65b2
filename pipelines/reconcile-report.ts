import { writeFile } from 'node:fs/promises';
import { toXlsx } from '../src/lib/export/xlsx';
import { checksTable, varianceTable } from '../src/lib/finance/exports';
import { openRelease } from '../src/lib/db/node.server';
import { buildFinanceView, financeYears, loadFinanceSettings } from '../src/lib/finance/view';
import { gemeenteByCode, releaseGemeenten } from '../src/lib/gemeente/registry';
import type { Paths } from './config';
import { PipelineError } from './errors';

/**
 * Prints the reconciliation report of the published release (every check that fails, with the
 * amounts, and a count of those that pass) and optionally writes it as XLSX. Returns the number of
 * failed checks. Every gemeente with a ledger, or the one named.
 */
export async function reconcileReport(options: {
	paths: Paths;
	gemeente?: string;
	year?: number;
	xlsx?: string;
	print: (line: string) => void;
}): Promise<number> {
	const { engine, manifest } = await openRelease({ publishedDir: options.paths.published });
	try {
		const withLedger = await financeYears({ engine, manifest });
		const all = releaseGemeenten({ gemeentenDir: options.paths.gemeenten, manifest });
		const chosen = options.gemeente
			? [gemeenteByCode(all, options.gemeente)]
			: all.filter((g) => withLedger.has(g.code));
		if (chosen.length === 0 || chosen.some((g) => !withLedger.has(g.code)))
			throw new PipelineError(
				`de release bevat geen financiële gegevens${options.gemeente ? ` van ${options.gemeente}` : ''} (fin_baten_lasten): lever ze aan en draai de pipeline`
			);
		let failed = 0;
		if (manifest.sample)
			options.print('VOORBEELDDATA: synthetische cijfers, niet de cijfers van de gemeente.');
		const tables: ReturnType<typeof checksTable>[] = [];
		for (const gemeente of chosen) {
			const settings = loadFinanceSettings({ gemeente });
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
					`geen financiële gegevens voor ${options.year} van ${gemeente.name} in de release; beschikbaar: ${view.years.join(', ')}`
				);
			}
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
			tables.push(
				...years.flatMap((year) => [checksTable(view.byYear[year]!), varianceTable(view.byYear[year]!)])
			);
		}
		if (options.xlsx) {
			const names = chosen.map((g) => g.name).join(', ');
			const bytes = toXlsx({
				tables,
				source: {
					title: `Aansluitingsrapport ${names}`,
					source: `${names}: financiële administratie, overzicht baten en lasten en Iv3-export`,
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
