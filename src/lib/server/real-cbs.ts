import type { CbsManifest } from '../db/manifest';
import { openRelease } from '../db/node.server';
import { BBV_SET } from '../measures/bbv-set';
import { BENCHMARK_INDICATORS } from '../measures/benchmark';
import type { BenchmarkView } from '../measures/benchmark-view';
import { benchmarkSources, buildBenchmarkView } from './benchmark';
import { realManifest, realPublishedDir } from './real-figures';
import { siteManifest } from './site';

/**
 * Real CBS figures for a gemeente of the site, from the real release (`npm run echt`, never the
 * sample's): each BBV indicator bound to a CBS table, against CBS's Nederland, the gemeenten of its CBS
 * size class and those of its province, with the table, its periods' status and what a cut-off file
 * leaves out. The sample's pages show these in sections of their own, labelled as real.
 */
export interface RealCbsView {
	gemeente: { code: string; name: string };
	release: string;
	dataDate: string;
	/** the gemeentelijke indeling the peers are chosen by (CBS's Gebieden in Nederland), when known */
	indeling: string | null;
	tables: CbsManifest['tables'];
	indicators: {
		number: number;
		title: string;
		/** the BBV unit, and why CBS's unit is not it (when it is not) */
		bbvUnit: string;
		unitNote: string | null;
		klasse: BenchmarkView;
		provincie: BenchmarkView | null;
	}[];
}

/** The gemeenten of the site for which the real release holds CBS figures. */
export function realCbsGemeenten(): { code: string; name: string }[] {
	const manifest = realManifest();
	if (!manifest?.tables['benchmark'] || !manifest.cbs) return [];
	return siteManifest().gemeenten.map((g) => ({ code: g.code, name: g.name }));
}

/** The real CBS view of one gemeente of the site; null when the real release has none for it. */
export async function realCbsView(options: {
	gemeente: string;
	document: Document;
}): Promise<RealCbsView | null> {
	const manifest = realManifest();
	const gemeente = realCbsGemeenten().find((g) => g.code === options.gemeente);
	if (!manifest?.cbs || !gemeente) return null;
	const { engine } = await openRelease({ publishedDir: realPublishedDir(), manifest });
	try {
		const sources = (await benchmarkSources({ engine, tables: manifest.tables })).filter(
			(s) => s.bron === 'cbs'
		);
		const indicators: RealCbsView['indicators'] = [];
		for (const b of BENCHMARK_INDICATORS) {
			const view = (peers: 'klasse' | 'provincie') =>
				buildBenchmarkView({
					engine,
					sources,
					indicator: b.id,
					gemeente: gemeente.code,
					peers: { kind: peers },
					document: options.document
				});
			const klasse = await view('klasse');
			if (!klasse) continue;
			const definition = BBV_SET.find((d) => d.number === b.number)!;
			indicators.push({
				number: b.number,
				title: b.title,
				bbvUnit: definition.unit,
				unitNote: definition.published.unitNote ?? null,
				klasse,
				provincie: await view('provincie')
			});
		}
		if (indicators.length === 0) return null;
		const [{ indeling = null } = {}] = await engine.query<{ indeling: string | null }>(
			'SELECT any_value(indeling) AS indeling FROM benchmark'
		);
		return {
			gemeente,
			release: manifest.release,
			dataDate: manifest.dataDate,
			indeling,
			tables: manifest.cbs.tables,
			indicators
		};
	} finally {
		engine.close();
	}
}
