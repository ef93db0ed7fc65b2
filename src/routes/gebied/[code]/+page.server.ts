import { releaseInfo } from '$lib/db/manifest';
import { openSiteRelease, siteAreas } from '$lib/server/site';
import { gemeentenDir } from '$lib/gemeente/registry';
import { error } from '@sveltejs/kit';
import { loadIndicators } from '$lib/server/indicators';
import { toObservations } from '$lib/indicators/observations';
import { compareAreas, latestCommonYear, type AreaQueryRow } from '$lib/measures/area-rate';
import { specBreakdownSql, specComparison, trendSql } from '$lib/measures/spec';
import type { ObservationRow } from '$lib/measures/sql';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per wijk of every gemeente. */
export const entries: EntryGenerator = async () => {
	const { engine } = await openSiteRelease();
	try {
		const wijken = await engine.query<{ code: string }>(
			"SELECT gebied_code AS code FROM gebieden WHERE gebied_niveau = 'wijk' ORDER BY gemeente, gebied_code"
		);
		return wijken.map((w) => ({ code: w.code }));
	} finally {
		engine.close();
	}
};

export const load: PageServerLoad = async ({ params }) => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const area = (await siteAreas()).get(params.code);
		if (!area) error(404, `Onbekend gebied ${params.code}`);
		const gemeente = manifest.gemeenten.find((g) => g.code === area.gemeente)!;
		const all = await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() });
		// Per indicator the latest year both the wijk and the gemeente have a value, compared as the
		// indicator page compares areas: a count as a rate over each one's own population, count beside.
		const indicators = [];
		for (const e of all.filter((x) => x.gemeente.code === gemeente.code && x.spec)) {
			const spec = e.spec!;
			const here = toObservations(
				await engine.query<ObservationRow>(trendSql({ spec, gemeente: gemeente.code, area: params.code }))
			);
			const year = latestCommonYear({ area: here, gemeente: e.observations });
			const shown = specComparison({ spec, unit: e.streefdoel.unit });
			const figures =
				year === null
					? null
					: compareAreas({
							rows: await engine.query<AreaQueryRow & Record<string, string | number | null>>(
								specBreakdownSql({
									spec,
									unit: e.streefdoel.unit,
									gemeente: gemeente.code,
									level: 'wijk',
									year
								})
							),
							basis: shown.basis,
							gemeente: gemeente.code
						});
			indicators.push({
				id: e.streefdoel.id,
				title: e.streefdoel.title,
				unit: shown.unit,
				unitText: shown.unitText,
				counts: shown.counts,
				programme: e.programme,
				goal: e.goal,
				year,
				here: figures?.areas.find((a) => a.code === params.code) ?? null,
				city: figures?.reference ?? null,
				suppressed: year === null && here.length > 0
			});
		}
		return {
			area: { code: params.code, name: area.name },
			gemeente,
			indicators,
			release: releaseInfo(manifest)
		};
	} finally {
		engine.close();
	}
};
