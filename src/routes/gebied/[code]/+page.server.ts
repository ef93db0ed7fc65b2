import { releaseInfo } from '$lib/db/manifest';
import { openSiteRelease, siteAreas } from '$lib/server/site';
import { gemeentenDir } from '$lib/gemeente/registry';
import { error } from '@sveltejs/kit';
import { loadIndicators } from '$lib/server/indicators';
import { toObservations } from '$lib/indicators/observations';
import { trendSql } from '$lib/measures/spec';
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
		const indicators = [];
		for (const e of all.filter((x) => x.gemeente.code === gemeente.code && x.spec)) {
			const here = toObservations(
				await engine.query<ObservationRow>(
					trendSql({ spec: e.spec!, gemeente: gemeente.code, area: params.code })
				)
			);
			indicators.push({
				id: e.streefdoel.id,
				title: e.streefdoel.title,
				unit: e.streefdoel.unit,
				direction: e.streefdoel.direction,
				programme: e.programme,
				goal: e.goal,
				area: here,
				city: e.observations
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
