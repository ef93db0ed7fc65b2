import { sqlString } from '../../src/lib/db/query';
import { SURVEY_SCALES } from '../../src/lib/measures/scales';

/**
 * The shape of `pub_bvb_schaalscores`, whatever the survey was delivered as (respondents or figures
 * per buurt): a complete grid of every area of the gemeente × survey year × schaal × doelgroep, so an
 * area without an estimate is published as missing, never left out.
 */

/** CTEs `years` (from the survey years of `source`) and `grid`, for a WITH clause. */
export function surveyGridCtes(options: { gemeente: string; source: string }): string {
	return `years AS (SELECT DISTINCT jaar FROM ${options.source}),
		grid AS (
			SELECT g.gebied_niveau, g.gebied_code, y.jaar, s.schaal, d.doelgroep
			FROM pub_gebieden g, years y, (VALUES ${SURVEY_SCALES.map((scale) => `(${sqlString(scale.column)})`).join(', ')}) s(schaal), (VALUES ('18+'), ('18+ met beperking')) d(doelgroep)
			WHERE g.gemeente = ${sqlString(options.gemeente)}
		)`;
}

/** The published rows: the grid joined to `estimates` (keyed like the grid), with the given expressions. */
export function surveyScoresSelect(options: {
	gemeente: string;
	gemiddelde: string;
	standaardfout: string;
	respondenten: string;
}): string {
	return `SELECT ${sqlString(options.gemeente)} AS gemeente, CAST(grid.jaar AS INTEGER) AS jaar, grid.gebied_niveau, grid.gebied_code, grid.schaal, grid.doelgroep,
			${options.gemiddelde} AS gemiddelde,
			${options.standaardfout} AS standaardfout,
			${options.respondenten} AS respondenten
		FROM grid LEFT JOIN estimates e USING (jaar, schaal, doelgroep, gebied_niveau, gebied_code)
		ORDER BY gemeente, jaar, gebied_niveau, gebied_code, schaal, doelgroep`;
}
