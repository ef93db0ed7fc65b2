import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { EXPERIENCE_QUESTIONS } from '../../src/lib/measures/scales';
import { sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { WEIGHTED_ESTIMATE, WEIGHTED_SUMS } from './weighted-mean-sql';

/**
 * Builds `pub_clientervaring`: per year and question the weighted percentage "ja" (or the weighted
 * mean cijfer), its standard error, and the respondents (rounded); below `minRespondents` the value
 * is published as missing. City level only: these surveys are too small for wijken.
 */
export async function aggregateClientervaring(options: {
	engine: NodeEngine;
	gemeente: string;
	minRespondents: number;
}): Promise<void> {
	const { engine, gemeente, minRespondents } = options;
	const answers = EXPERIENCE_QUESTIONS.map(
		(q) =>
			`SELECT jaar, ${sqlString(q.column)} AS vraag, gewicht AS w, ${q.kind === 'cijfer' ? `CAST(${q.column} AS DOUBLE)` : `CASE WHEN ${q.column} THEN 100.0 ELSE 0.0 END`} AS x FROM clientervaring WHERE ${q.column} IS NOT NULL`
	).join('\n\t\t\tUNION ALL ');
	await engine.run(`
		CREATE OR REPLACE TABLE pub_clientervaring AS
		WITH a AS (${answers}),
		sums AS (SELECT jaar, vraag, ${WEIGHTED_SUMS} FROM a GROUP BY ALL),
		e AS (SELECT *, ${WEIGHTED_ESTIMATE} FROM sums)
		SELECT ${sqlString(gemeente)} AS gemeente, CAST(jaar AS INTEGER) AS jaar, 'gemeente' AS gebied_niveau, ${sqlString(gemeente)} AS gebied_code, vraag,
			CASE WHEN n >= ${minRespondents} THEN round(mean, 2) END AS waarde,
			CASE WHEN n >= ${minRespondents} THEN round(se, 4) END AS standaardfout,
			${discloseCountSql('CAST(n AS INTEGER)')} AS respondenten
		FROM e ORDER BY jaar, vraag
	`);
}
