import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { sqlString } from '../../src/lib/db/query';
import { surveyGridCtes, surveyScoresSelect } from './survey-grid-sql';
import type { NodeEngine } from '../../src/lib/db/node.server';

/**
 * Builds `pub_bvb_schaalscores` from figures per buurt (`bvb_buurtcijfers`), in the same shape as
 * from respondents. A buurt publishes its delivered value; wijk and gemeente are weighted means of
 * the buurt values (weight: the buurt's sum of weights), never plain means. A buurt under the
 * respondent threshold is published as suppressed but still counts in its wijk and the gemeente,
 * as with microdata; the area "onbekend" counts in the gemeente only. Without microdata there is
 * no standard error. Without delivered counts (the supplier applied its own threshold) values are
 * published as delivered and the number of respondents is unknown.
 */
export async function aggregateSurveyFigures(options: {
	engine: NodeEngine;
	gemeente: string;
	minRespondents: number;
}): Promise<void> {
	const { engine, gemeente, minRespondents } = options;
	const gm = sqlString(gemeente);
	const weighted = `sum(w * x) FILTER (WHERE x IS NOT NULL) / sum(w) FILTER (WHERE x IS NOT NULL) AS mean, sum(n) FILTER (WHERE x IS NOT NULL) AS n`;
	await engine.run(`
		CREATE OR REPLACE TABLE pub_bvb_schaalscores AS
		WITH f AS (
			SELECT c.jaar, c.buurtcode, b.wijk AS wijkcode, c.onderwerp AS schaal, coalesce(c.doelgroep, '18+') AS doelgroep,
				c.waarde AS x, c.gewicht AS w, c.respondenten AS n
			FROM bvb_buurtcijfers c LEFT JOIN ref_buurten b ON b.code = c.buurtcode
		),
		estimates AS (
			SELECT jaar, schaal, doelgroep, 'buurt' AS gebied_niveau, buurtcode AS gebied_code, x AS mean, n FROM f WHERE wijkcode IS NOT NULL
			UNION ALL
			SELECT jaar, schaal, doelgroep, 'wijk', wijkcode, ${weighted} FROM f WHERE wijkcode IS NOT NULL GROUP BY jaar, schaal, doelgroep, wijkcode
			UNION ALL
			SELECT jaar, schaal, doelgroep, 'gemeente', ${gm}, ${weighted} FROM f GROUP BY jaar, schaal, doelgroep
		),
		${surveyGridCtes({ gemeente, source: 'bvb_buurtcijfers' })}
		${surveyScoresSelect({
			gemeente,
			gemiddelde: `CASE WHEN e.n IS NULL OR e.n >= ${minRespondents} THEN round(e.mean, 4) END`,
			standaardfout: 'CAST(NULL AS DOUBLE)',
			respondenten: discloseCountSql('CAST(e.n AS INTEGER)')
		})}
	`);
}
