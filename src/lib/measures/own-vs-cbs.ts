import { sqlString } from '../db/query';

/**
 * A gemeente's own registration beside CBS's figure for the same thing: Wmo-cliënten. Koers counts
 * inhabitants with a running maatwerkvoorziening on 1 January (wmo_clienten, in_gebruik); CBS counts
 * clients with a maatwerkvoorziening at any time in the year (86050NED, WmoClienten). Both are counts
 * of persons, so they stand side by side; the definitions differ, and the page says how.
 */
export const OWN_VERSUS_CBS = {
	title: 'Wmo-cliënten: eigen registratie naast CBS',
	own: 'eigen registratie (stand op 1 januari)',
	cbs: 'CBS (cliënten in het jaar)',
	definition:
		'Koers telt uit de eigen registratie de inwoners met een lopende maatwerkvoorziening op 1 januari; CBS telt de cliënten die op enig moment in het jaar een maatwerkvoorziening hadden (Gemeentelijke Monitor Sociaal Domein). Wie in de loop van het jaar begint of stopt, telt bij CBS wel mee en op 1 januari niet: het CBS-cijfer is daardoor meestal hoger.'
} as const;

/** One year of the comparison. */
export interface OwnVersusCbsRow {
	year: number;
	/** null when suppressed or not registered */
	own: number | null;
	/** null when CBS keeps it secret or has no figure */
	cbs: number | null;
	/** CBS − own; null when either is missing (never computed from a suppressed value) */
	difference: number | null;
	/** the difference as a share of the own figure, in %; null when either is missing or own is 0 */
	percent: number | null;
}

/** SQL for the years where the release has either figure for the gemeente (needs wmo_clienten and cbs_cijfers). */
export function ownVersusCbsSql(gemeente: string): string {
	const g = sqlString(gemeente);
	return `SELECT CAST(coalesce(o.jaar, c.jaar) AS INTEGER) AS year, CAST(o.aantal AS DOUBLE) AS own, CAST(c.waarde AS DOUBLE) AS cbs
FROM (SELECT jaar, aantal FROM wmo_clienten WHERE gemeente = ${g} AND gebied_niveau = 'gemeente' AND gebied_code = ${g} AND voorziening = 'TOTAAL' AND meting = 'in_gebruik') o
FULL JOIN (SELECT jaar, waarde FROM cbs_cijfers WHERE tabel = '86050NED' AND maat = 'WmoClienten' AND gebied_code = ${g} AND periode_soort = 'jaar') c
ON o.jaar = c.jaar
ORDER BY year`;
}

/** The difference of each year, in number and in per cent of the own figure. */
export function compareOwnWithCbs(
	rows: { year: number; own: number | null; cbs: number | null }[]
): OwnVersusCbsRow[] {
	return rows.map((r) => {
		const difference = r.own === null || r.cbs === null ? null : r.cbs - r.own;
		return {
			...r,
			difference,
			percent: difference === null || !r.own ? null : Math.round((difference / r.own) * 1000) / 10
		};
	});
}
