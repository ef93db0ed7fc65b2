import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { sqlString } from '../../src/lib/db/query';
import { AREA_LEVEL, areaCodeSql, areaSets } from './area-sql';
import {
	WEIGHTED_ESTIMATE,
	WEIGHTED_ROLLUP,
	weightedPartialColumns,
	weightedPartialSums
} from './weighted-mean-sql';
import { SURVEY_SCALES } from '../../src/lib/measures/scales';
import { surveyGridCtes, surveyScoresSelect } from './survey-grid-sql';
import type { NodeEngine } from '../../src/lib/db/node.server';

/**
 * Builds `pub_bvb_schaalscores`: weighted mean schaalscores per gemeente, wijk and buurt, survey
 * year, doelgroep and schaal, with the standard error of the weighted mean. Buurt → wijk → stad are
 * weighted means of the respondents, never plain means of area scores. Below `minRespondents` the
 * mean and its standard error are published as missing.
 */
export async function aggregateSurvey(options: {
	engine: NodeEngine;
	gemeente: string;
	minRespondents: number;
}): Promise<void> {
	const { engine, gemeente, minRespondents } = options;
	await engine.run(`
		CREATE OR REPLACE TABLE pub_bvb_schaalscores AS
		-- Every scale's weighted sums per buurt, year and beperking in one pass over the respondents;
		-- the sums add up, so the wijk, the gemeente and both doelgroepen are sums of these.
		WITH partial AS (
			SELECT s.jaar, s.buurtcode, b.wijk AS wijkcode, s.beperking,
				${SURVEY_SCALES.map((scale) => weightedPartialSums({ x: `s.${scale.column}`, w: 's.gewicht', name: scale.column })).join(',\n\t\t\t\t')}
			FROM bvb_respondenten s JOIN ref_buurten b ON b.code = s.buurtcode
			GROUP BY ALL
		),
		r AS (
			${SURVEY_SCALES.map(
				(scale) =>
					`SELECT jaar, buurtcode, wijkcode, beperking, ${sqlString(scale.column)} AS schaal, ${weightedPartialColumns(scale.column)} FROM partial WHERE ${scale.column}__n > 0`
			).join('\n\t\t\tUNION ALL\n\t\t\t')}
		),
		groups AS (
			SELECT *, '18+' AS doelgroep FROM r
			UNION ALL
			SELECT *, '18+ met beperking' FROM r WHERE beperking
		),
		sums AS (
			SELECT jaar, schaal, doelgroep,
				${AREA_LEVEL} AS gebied_niveau,
				${areaCodeSql(sqlString(gemeente))} AS gebied_code,
				${WEIGHTED_ROLLUP}
			FROM groups
			GROUP BY GROUPING SETS (${areaSets(['jaar', 'schaal', 'doelgroep'])})
		),
		estimates AS (
			SELECT *, ${WEIGHTED_ESTIMATE} FROM sums
		),
		${surveyGridCtes({ gemeente, source: 'bvb_respondenten' })}
		${surveyScoresSelect({
			gemeente,
			gemiddelde: `CASE WHEN e.n >= ${minRespondents} THEN round(e.mean, 4) END`,
			standaardfout: `CASE WHEN e.n >= ${minRespondents} THEN round(e.se, 4) END`,
			respondenten: discloseCountSql('CAST(coalesce(e.n, 0) AS INTEGER)')
		})}
	`);
}
