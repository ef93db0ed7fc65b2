import { rankedBarChart } from '../charts/breakdown';
import { figureMarkup } from '../charts/figure';
import { openRelease } from '../db/node.server';
import { wijkFiguresSql, wijkPeriodSql, type WijkFigures } from '../measures/real-cbs';
import { realManifest, realPublishedDir } from './real-figures';
import { siteManifest } from './site';

/**
 * The real CBS figures per wijk of a gemeente of the site (Wmo, jeugdzorg, voorzieningen in the sociaal
 * domein), on CBS's wijkindeling of the table's year. A map needs outlines of that same year: the site's
 * outlines are of its own division, so when the years differ the page shows bars and a table, never a
 * wijk code drawn on an outline of another year.
 */
export interface RealWijkView {
	period: string;
	year: number;
	/** the year of the site's own area division (its outlines), when it has one */
	siteDivision: number | null;
	rows: WijkFigures[];
	/** clients with a voorziening per 1.000 inwoners, ranked, against the gemeente */
	bars: string | null;
}

export async function realWijkView(options: {
	gemeente: string;
	document: Document;
}): Promise<RealWijkView | null> {
	const manifest = realManifest();
	if (!manifest?.tables['cbs_cijfers']) return null;
	const { engine } = await openRelease({ publishedDir: realPublishedDir(), manifest });
	try {
		const [found] = await engine.query<{ period: string | null; year: number | null }>(wijkPeriodSql());
		if (!found?.period || found.year === null) return null;
		const rows = await engine.query<WijkFigures>(
			wijkFiguresSql({ gemeente: options.gemeente, period: found.period })
		);
		const wijken = rows.filter((r) => r.level === 'wijk');
		if (wijken.length === 0) return null;
		const own = rows.find((r) => r.level === 'gemeente');
		const siteDivision = siteManifest().gemeenten.find((g) => g.code === options.gemeente)?.division ?? null;
		const bars = figureMarkup(
			rankedBarChart({
				rows: wijken.map((w) => ({
					code: w.code,
					name: w.name,
					value: w.clienten_per_1000,
					count: w.clienten,
					standard_error: null
				})),
				unit: 'per 1.000',
				unitText: 'per 1.000 inwoners',
				reference: { label: own?.name ?? options.gemeente, value: own?.clienten_per_1000 ?? null },
				document: options.document
			})
		);
		return {
			period: found.period,
			year: found.year,
			siteDivision,
			rows,
			bars
		};
	} finally {
		engine.close();
	}
}
