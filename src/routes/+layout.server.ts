import { menuSections, type MenuSection } from '$lib/gemeente/menu';
import { financeYears } from '$lib/finance/view';
import { openSiteRelease, siteGemeenten } from '$lib/server/site';
import type { LayoutServerLoad } from './$types';

let cached: { release: string; menu: Promise<MenuSection[]> } | null = null;

/** The menu of every page: the site's sections, without Financiën or Rapporten when it has none. */
export const load: LayoutServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	// Every prerendered page asks; the answer changes only with the release.
	if (cached?.release !== manifest.release)
		cached = {
			release: manifest.release,
			menu: financeYears({ engine, manifest }).then((years) =>
				menuSections({
					finance: years.size > 0,
					reports: siteGemeenten().some((g) => g.reports.length > 0)
				})
			)
		};
	return { menu: await cached.menu };
};
