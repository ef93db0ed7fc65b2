/** A section of the site's menu. */
export interface MenuSection {
	path: '/' | '/overzicht' | '/vergelijk' | '/verkenner' | '/financien' | '/rapporten';
	label: string;
}

/**
 * The menu's sections: only what the site has. Financiën needs a gemeente with a ledger in the
 * release and Rapporten one with a report, otherwise the link would open a page saying there is nothing.
 */
export function menuSections(options: { finance: boolean; reports: boolean }): MenuSection[] {
	const sections: MenuSection[] = [
		{ path: '/', label: 'Start' },
		{ path: '/overzicht', label: 'Overzicht' },
		{ path: '/vergelijk', label: 'Vergelijk' },
		{ path: '/verkenner', label: 'Verkenner' }
	];
	if (options.finance) sections.push({ path: '/financien', label: 'Financiën' });
	if (options.reports) sections.push({ path: '/rapporten', label: 'Rapporten' });
	return sections;
}
