import { resolve } from 'node:path';
import { releaseInfo } from '$lib/db/manifest';
import { COMPLIANCE_STATUSES, missingFields } from '$lib/gemeente/accessibility';
import { checkStatuses, KNOWN_EXCEPTIONS } from '$lib/server/accessibility-checks';
import { siteGemeenten, siteManifest } from '$lib/server/site';
import type { PageServerLoad } from './$types';

/**
 * The toegankelijkheidsverklaring of the site: one for all its gemeenten, each with its own
 * contact, onderzoek and status from gemeente.yaml, or what is missing of them.
 */
export const load: PageServerLoad = () => ({
	gemeenten: siteGemeenten()
		.map((g) => ({
			code: g.code,
			name: g.name,
			fields: g.accessibility ?? {},
			// The model's letter (A voldoet volledig … E voldoet niet), here: the schema module in the page
			// would bring zod to the browser, whose eval probe is a CSP violation.
			statusLetter: g.accessibility?.status
				? 'ABCDE'[COMPLIANCE_STATUSES.indexOf(g.accessibility.status)]
				: null,
			missing: missingFields(g.accessibility)
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
	checks: checkStatuses({ testsDir: resolve('tests') }).map(({ name, how, criteria, tested }) => ({
		name,
		how,
		criteria,
		tested
	})),
	exceptions: KNOWN_EXCEPTIONS,
	built: new Date().toISOString().slice(0, 10),
	release: releaseInfo(siteManifest())
});
