import { releaseInfo } from '$lib/db/manifest';
import { gemeentenDir } from '$lib/gemeente/registry';
import { error } from '@sveltejs/kit';
import { benchmarkSources, buildBenchmarkView } from '$lib/server/benchmark';
import { realCbsView } from '$lib/server/real-cbs';
import { loadGeometry } from '$lib/server/geometry';
import { buildBreakdown, serverDocument, trendMarkup } from '$lib/server/indicator-page';
import { loadIndicators } from '$lib/server/indicators';
import { openSiteRelease, siteGemeenten } from '$lib/server/site';
import { baselineRoundingNote } from '$lib/indicators/rounding-note';
import { bbvIndicator } from '$lib/measures/spec';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per indicator of every gemeente. */
export const entries: EntryGenerator = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const all = await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() });
		return all.map((e) => ({ gemeente: e.gemeente.code, id: e.streefdoel.id }));
	} finally {
		engine.close();
	}
};

export const load: PageServerLoad = async ({ params }) => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const all = await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() });
		const entry = all.find((e) => e.key === `${params.gemeente}/${params.id}`);
		if (!entry) error(404, `Onbekende indicator ${params.gemeente}/${params.id}`);
		const document = serverDocument();
		const years = entry.observations.filter((o) => o.value !== null).map((o) => o.year);
		const year = years.at(-1) ?? null;
		const gemeente = siteGemeenten().find((g) => g.code === entry.gemeente.code)!;
		const geometry = await loadGeometry({ gemeente, level: 'wijk' });
		const breakdown =
			entry.spec && year !== null
				? await buildBreakdown({ engine, entry, level: 'wijk', year, geometry, document })
				: null;
		// Against Nederland and the size class (the default peer set); other peers are chosen live.
		const benchmark =
			entry.spec?.kind === 'bbv'
				? await buildBenchmarkView({
						engine,
						sources: await benchmarkSources({ engine, tables: manifest.tables }),
						indicator: entry.streefdoel.id,
						gemeente: entry.gemeente.code,
						peers: { kind: 'klasse' },
						document
					})
				: null;
		// The real CBS figure of a BBV indicator, from the real release: a section of its own, labelled.
		const bbvNumber = entry.spec?.kind === 'bbv' ? bbvIndicator(entry.spec.indicator).number : null;
		const real = bbvNumber !== null ? await realCbsView({ gemeente: entry.gemeente.code, document }) : null;
		return {
			real: real?.indicators.some((i) => i.number === bbvNumber) ? { view: real, number: bbvNumber! } : null,
			entry,
			benchmark,
			rule: entry.judgement.rule,
			baselineNote: baselineRoundingNote({
				baseline: entry.streefdoel.baseline,
				observations: entry.observations,
				unit: entry.streefdoel.unit,
				roundingBase: manifest.disclosure.roundingBase
			}),
			trend: trendMarkup(entry, document),
			years,
			breakdown,
			geometry,
			buurtGeometry: (await loadGeometry({ gemeente, level: 'buurt' })) !== null,
			division: manifest.gemeenten.find((g) => g.code === gemeente.code)?.division ?? null,
			release: releaseInfo(manifest)
		};
	} finally {
		engine.close();
	}
};
