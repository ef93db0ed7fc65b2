import { sqlIdent, sqlString } from '../db/query';
import { TABLES, type MeasureTable } from './tables';
import type { AreaLevel } from '../gemeente/types';

/**
 * A mandatory BBV beleidsindicator the published data can give: a count over a population,
 * computed after rounding (the disclosure rule), in the unit BBV prescribes. Denominator units
 * changed over the years (per 1.000 → per 10.000): the unit is part of the definition, so values in
 * different units are never compared.
 */
export interface BbvIndicator {
	id: string;
	/** BBV number in the national set */
	number: number;
	title: string;
	/** the unit as BBV writes it */
	unit: string;
	/** multiply the ratio by this (100 for %, 10.000 for per 10.000) */
	per: number;
	numerator: { table: MeasureTable; filter: Record<string, string> };
	/** age bands of the bevolking table that make up the denominator */
	denominator: readonly string[];
	denominatorLabel: string;
	/** how Koers' figure differs from the CBS definition, said plainly */
	note: string;
}

/** The BBV indicators of the sociaal domein that the published tables can give (reference: bbv_beleidsindicatoren_sociaal_domein.csv). */
export const BBV_INDICATORS: readonly BbvIndicator[] = [
	{
		id: 'bbv-27-bijstand',
		number: 27,
		title: 'Personen met een bijstandsuitkering',
		unit: 'per 10.000 inwoners van 18 jaar en ouder',
		per: 10_000,
		numerator: { table: 'bijstand', filter: { maat: 'huishoudens in bijstand' } },
		denominator: ['18-64', '65+'],
		denominatorLabel: 'inwoners van 18 jaar en ouder',
		note: 'De registratie telt huishoudens met een uitkering, geen personen; CBS telt personen. Stand aan het eind van het jaar.'
	},
	{
		id: 'bbv-29-jeugdhulp',
		number: 29,
		title: 'Jongeren met jeugdhulp',
		unit: '% van de jongeren tot 18 jaar',
		per: 100,
		numerator: { table: 'jeugdhulp', filter: { vorm: 'totaal' } },
		denominator: ['0-14', '15-17'],
		denominatorLabel: 'jongeren tot 18 jaar',
		note: 'Jeugdigen met een traject op minstens één dag van het jaar, gedeeld door de jongeren tot 18 jaar op 1 januari.'
	},
	{
		id: 'bbv-32-wmo',
		number: 32,
		title: 'Cliënten met een maatwerkarrangement Wmo',
		unit: 'per 10.000 inwoners',
		per: 10_000,
		numerator: { table: 'wmo_clienten', filter: { voorziening: 'TOTAAL', meting: 'in_gebruik' } },
		denominator: ['totaal'],
		denominatorLabel: 'alle inwoners',
		note: 'Inwoners met ten minste één lopende maatwerkvoorziening op 1 januari.'
	}
];

/**
 * SQL for a BBV indicator per gemeente (or per area of one level), per year. A suppressed numerator
 * or denominator gives a missing value, never a number computed from a gap.
 */
export function bbvSql(options: {
	indicator: BbvIndicator;
	level: 'gemeente' | AreaLevel;
	gemeente?: string;
}): string {
	const { indicator, level } = options;
	const value = TABLES[indicator.numerator.table].valueColumn;
	const filters = Object.entries(indicator.numerator.filter).map(
		([k, v]) => `AND ${sqlIdent(k)} = ${sqlString(v)}`
	);
	const only = options.gemeente ? `AND gemeente = ${sqlString(options.gemeente)}` : '';
	return [
		`WITH num AS (SELECT gemeente, CAST(jaar AS INTEGER) AS jaar, gebied_code, CAST(${sqlIdent(value!)} AS DOUBLE) AS n FROM ${sqlIdent(indicator.numerator.table)}`,
		`  WHERE gebied_niveau = ${sqlString(level)} ${only} ${filters.join(' ')}),`,
		// the denominator is complete only when every band is published (count(x) skips suppressed cells)
		`den AS (SELECT gemeente, CAST(jaar AS INTEGER) AS jaar, gebied_code, sum(inwoners) AS d, count(inwoners) = count(*) AS complete FROM bevolking`,
		`  WHERE gebied_niveau = ${sqlString(level)} ${only} AND leeftijdsklasse IN (${indicator.denominator.map(sqlString).join(', ')}) GROUP BY ALL)`,
		`SELECT num.gemeente, num.gebied_code, num.jaar AS year,`,
		`  CASE WHEN den.complete AND den.d > 0 AND num.n IS NOT NULL THEN round(num.n * ${indicator.per} / den.d, 1) END AS value,`,
		`  num.n AS numerator, CASE WHEN den.complete THEN CAST(den.d AS DOUBLE) END AS denominator`,
		`FROM num JOIN den USING (gemeente, jaar, gebied_code)`,
		`ORDER BY num.gemeente, num.gebied_code, num.jaar`
	].join('\n');
}
