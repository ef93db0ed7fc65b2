import { sqlString } from '../db/query';
import type { CbsManifest } from '../db/manifest';

type CbsTableInfo = CbsManifest['tables'][number];

const MONTHS = [
	'januari',
	'februari',
	'maart',
	'april',
	'mei',
	'juni',
	'juli',
	'augustus',
	'september',
	'oktober',
	'november',
	'december'
];

/** A CBS period code as a reader says it: 2024JJ00 "2024", 2024HJ01 "1e halfjaar 2024"; unknown codes as given. */
export function periodLabel(code: string): string {
	const m = /^(\d{4})(JJ|HJ|KW|MM)(\d{2})$/.exec(code.trim());
	if (!m) return code;
	const [, year, kind, n] = m as unknown as [string, string, string, string];
	const i = Number(n);
	if (kind === 'JJ') return year;
	if (kind === 'MM') return `${MONTHS[i - 1] ?? n} ${year}`;
	return `${i}e ${kind === 'HJ' ? 'halfjaar' : 'kwartaal'} ${year}`;
}

/** The periods of a CBS table in words: first and last, and their status ("status niet meegeleverd"). */
export function periodRange(periods: CbsTableInfo['periods']): string {
	if (periods.length === 0) return 'geen perioden';
	const first = periodLabel(periods[0]!.period);
	const last = periodLabel(periods.at(-1)!.period);
	const statuses = [...new Set(periods.map((p) => p.status))];
	const status =
		statuses.length === 1 && statuses[0] === 'onbekend'
			? 'status niet in het bestand (een download met titels laat de * van voorlopige cijfers weg)'
			: statuses.join(', ');
	return `perioden ${first} tot en met ${last}; ${status}`;
}

/** What a cut-off table holds and leaves out, in Dutch; '' for a table read whole. */
export function coverageText(coverage: CbsTableInfo['coverage']): string {
	if (!coverage) return '';
	const complete = coverage.categories.filter((c) => c.complete).map((c) => c.category || 'de hele tabel');
	const partial = coverage.categories.filter((c) => !c.complete).map((c) => c.category);
	const parts = [
		coverage.truncated
			? `CBS' download was afgebroken na ${coverage.rows.toLocaleString('nl-NL')} rijen; deze categorieën zijn onvolledig: ${partial.join(', ') || 'geen'}, en latere categorieën ontbreken. Volledig zijn ${complete.join(', ') || 'geen categorieën'}.`
			: `Volledig (${coverage.rows.toLocaleString('nl-NL')} rijen).`,
		...coverage.skipped.map((s) => `Niet gelezen: ${s.rows.toLocaleString('nl-NL')} rijen (${s.reason}).`)
	];
	return parts.join(' ');
}

/**
 * The per-wijk figures of the real release: CBS's wijk tables of the sociaal domein, each column a
 * table, a category (the table's total, or a stapeling category the cut-off file holds completely) and
 * a measure, in CBS's unit.
 */
export const WIJK_COLUMNS = [
	{
		key: 'clienten',
		table: '85994NED',
		category: 'Totaal | Totaal',
		measure: 'ClientenMetVoorzieningen',
		label: 'Inwoners met een voorziening in het sociaal domein (jeugd, Wmo of Participatiewet)',
		unit: 'aantal'
	},
	{
		key: 'clienten_per_1000',
		table: '85994NED',
		category: 'Totaal | Totaal',
		measure: 'ClientenMetVoorzieningenPer1000Inwoners',
		label: 'Idem, per 1.000 inwoners',
		unit: 'per 1.000'
	},
	{
		key: 'huishoudens',
		table: '85994NED',
		category: 'Totaal | Totaal',
		measure: 'HuishoudensMetVoorzieningen',
		label: 'Huishoudens met een voorziening in het sociaal domein',
		unit: 'aantal'
	},
	{
		key: 'alleen_jeugd',
		table: '85994NED',
		category: 'Totaal | Alleen Jeugd',
		measure: 'ClientenMetVoorzieningen',
		label: 'Inwoners met alleen jeugdhulp',
		unit: 'aantal'
	},
	{
		key: 'wmo',
		table: '85996NED',
		category: 'Totaal',
		measure: 'WmoClienten',
		label: 'Wmo-cliënten',
		unit: 'aantal'
	},
	{
		key: 'wmo_per_1000',
		table: '85996NED',
		category: 'Totaal',
		measure: 'WmoClientenPer1000Inwoners',
		label: 'Wmo-cliënten per 1.000 inwoners',
		unit: 'per 1.000'
	},
	{
		key: 'jeugd',
		table: '85990NED',
		category: 'Totaal alle jeugdzorg in natura',
		measure: 'TotaalJongerenMetJeugdzorgInNatura',
		label: 'Jongeren met jeugdzorg in natura',
		unit: 'aantal'
	}
] as const;

/** One area's row of the wijk figures: the gemeente first, then its wijken. */
export type WijkFigures = { code: string; name: string; level: 'gemeente' | 'wijk' } & Record<
	(typeof WIJK_COLUMNS)[number]['key'],
	number | null
>;

/** SQL for the wijk figures of one gemeente in one period (`cbs_cijfers` of the real release). */
export function wijkFiguresSql(options: { gemeente: string; period: string }): string {
	const g = sqlString(options.gemeente);
	const wijken = sqlString(`WK${options.gemeente.slice(2)}%`);
	const columns = WIJK_COLUMNS.map(
		(c) =>
			`max(waarde) FILTER (WHERE tabel = ${sqlString(c.table)} AND categorie = ${sqlString(c.category)} AND maat = ${sqlString(c.measure)}) AS ${c.key}`
	);
	return `SELECT gebied_code AS code, any_value(gebied_naam) AS name, any_value(gebied_niveau) AS level, ${columns.join(', ')}
FROM cbs_cijfers
WHERE periode = ${sqlString(options.period)} AND tabel IN (${[...new Set(WIJK_COLUMNS.map((c) => sqlString(c.table)))].join(', ')})
	AND (gebied_code = ${g} OR (gebied_niveau = 'wijk' AND gebied_code LIKE ${wijken}))
GROUP BY gebied_code
ORDER BY CASE WHEN any_value(gebied_niveau) = 'gemeente' THEN 0 ELSE 1 END, gebied_code`;
}

/** SQL for the latest period of the wijk tables. */
export function wijkPeriodSql(): string {
	return `SELECT max(periode) AS period, CAST(max(jaar) AS INTEGER) AS year FROM cbs_cijfers WHERE tabel IN (${[...new Set(WIJK_COLUMNS.map((c) => sqlString(c.table)))].join(', ')})`;
}
