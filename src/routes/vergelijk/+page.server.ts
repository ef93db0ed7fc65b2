import { releaseInfo } from '$lib/db/manifest';
import { openSiteRelease } from '$lib/server/site';
import { gemeentenDir } from '$lib/gemeente/registry';
import { compareChart } from '$lib/charts/compare';
import { figureMarkup } from '$lib/charts/figure';
import { BBV_INDICATORS } from '$lib/measures/bbv';
import { bbvAvailability } from '$lib/measures/bbv-set';
import { compareOwnWithCbs, ownVersusCbsSql } from '$lib/measures/own-vs-cbs';
import { BENCHMARK_INDICATORS } from '$lib/measures/benchmark';
import { benchmarkSources, buildBenchmarkView } from '$lib/server/benchmark';
import { realCbsGemeenten, realCbsView } from '$lib/server/real-cbs';
import { realManifest } from '$lib/server/real-figures';
import { serverDocument } from '$lib/server/indicator-page';
import { BBV_PROGRAMME, loadIndicators } from '$lib/server/indicators';
import type { PageServerLoad } from './$types';

/** Every gemeente side by side on each BBV indicator, prerendered. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const all = (await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() })).filter(
			(e) => e.programme === BBV_PROGRAMME
		);
		const document = serverDocument();
		const indicators = BBV_INDICATORS.map((b) => {
			const series = all
				.filter((e) => e.streefdoel.id === b.id)
				.map((e) => ({ label: e.gemeente.name, code: e.gemeente.code, observations: e.observations }));
			const unit = b.per === 100 ? ('procent' as const) : ('per 10.000' as const);
			const years = [...new Set(series.flatMap((s) => s.observations.map((o) => o.year)))].sort(
				(x, y) => x - y
			);
			return {
				id: b.id,
				number: b.number,
				title: b.title,
				unitText: b.unit,
				unit,
				note: b.note,
				series,
				years,
				chart: figureMarkup(compareChart({ series, unit, document }))
			};
		});
		// Own registration beside CBS, for every gemeente whose release has both figures in some year.
		const ownVersusCbs = [];
		if (manifest.tables['wmo_clienten'] && manifest.tables['cbs_cijfers'])
			for (const g of manifest.gemeenten) {
				const rows = compareOwnWithCbs(
					await engine.query<{ year: number; own: number | null; cbs: number | null }>(
						ownVersusCbsSql(g.code)
					)
				);
				if (!rows.some((r) => r.difference !== null)) continue;
				const series = [
					{ label: 'Eigen', observations: rows.map((r) => ({ year: r.year, value: r.own })) },
					{ label: 'CBS', observations: rows.map((r) => ({ year: r.year, value: r.cbs })) }
				];
				ownVersusCbs.push({
					gemeente: g,
					rows,
					chart: figureMarkup(compareChart({ series, unit: 'aantal', document }))
				});
			}
		// The benchmark of the release's first gemeente against Nederland and its size class.
		const sources = await benchmarkSources({ engine, tables: manifest.tables });
		const benchmark = [];
		for (const b of BENCHMARK_INDICATORS) {
			const view = manifest.gemeenten[0]
				? await buildBenchmarkView({
						engine,
						sources,
						indicator: b.id,
						gemeente: manifest.gemeenten[0].code,
						peers: { kind: 'klasse' },
						document
					})
				: null;
			if (view) benchmark.push(view);
		}
		// Real CBS figures of the site's gemeenten, from the real release: shown apart and labelled as real.
		const real = [];
		for (const g of realCbsGemeenten()) {
			const view = await realCbsView({ gemeente: g.code, document });
			if (view) real.push(view);
		}
		return {
			real,
			benchmark,
			indicators,
			ownVersusCbs,
			gemeenten: manifest.gemeenten,
			bbvSet: bbvAvailability({ cbs: manifest.cbs, realCbs: realManifest()?.cbs, sample: manifest.sample }),
			release: releaseInfo(manifest)
		};
	} finally {
		engine.close();
	}
};
