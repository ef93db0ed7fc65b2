/**
 * SQL for the number of distinct persons per group of several GROUPING SETS, the same numbers as
 * `count(DISTINCT person) … GROUP BY GROUPING SETS (…)` at a fraction of its cost.
 *
 * A distinct count over grouping sets keeps, for every set, a hash table of every (group, person) pair:
 * about 150 ns a row and set, most of an aggregation's time. Yet almost every person has one value of
 * every dimension that varies between the sets (one buurt, one voorziening) within the dimensions that
 * every set has (a year, a measure): such a person adds exactly one to each group it falls in, so
 * counting rows per person is enough, and plain counts cost a fifth. Only the persons with several
 * values are counted distinctly, on their own rows. The two parts are disjoint sets of persons, so
 * their sum per group is the distinct count.
 *
 * `from` yields the rows, with every dimension and `person` as columns. `fixed` are the dimensions in
 * every set, `varying` the others, `sets` the body of GROUPING SETS over them. The result has the
 * dimensions (NULL where rolled up, as GROUP BY GROUPING SETS gives them) and `n`, a BIGINT. A person
 * with a NULL among its varying values is counted distinctly too, so the numbers stay exact then.
 */
export function personCountsSql(options: {
	from: string;
	person: string;
	fixed: string[];
	varying: string[];
	sets: string;
}): string {
	const { from, person, fixed, varying, sets } = options;
	const dims = [...fixed, ...varying].join(', ');
	const perPerson = [...fixed, person].join(', ');
	const single = varying.map((v) => `count(${v}) = count(*) AND min(${v}) = max(${v})`).join(' AND ');
	const on = [...fixed, person].map((c) => `r.${c} IS NOT DISTINCT FROM m.${c}`).join(' AND ');
	return `WITH person_rows AS (SELECT ${dims}, ${person} FROM (${from})),
	-- one row per person and fixed dimensions: whether it has one value of each varying dimension, and which
	persons AS (
		SELECT ${perPerson}, ${varying.map((v) => `min(${v}) AS ${v}`).join(', ')}, ${single} AS single
		FROM person_rows GROUP BY ${perPerson}
	),
	several AS (
		SELECT r.* FROM person_rows r SEMI JOIN (SELECT ${perPerson} FROM persons WHERE NOT single) m ON ${on}
	),
	-- the grouping set of a row, so that a NULL in the data stays apart from a rolled-up dimension
	parts AS (
		SELECT ${dims}, GROUPING(${dims}) AS grouping_set, count(*) AS n FROM persons WHERE single GROUP BY GROUPING SETS (${sets})
		UNION ALL
		SELECT ${dims}, GROUPING(${dims}), count(DISTINCT ${person}) FROM several GROUP BY GROUPING SETS (${sets})
	)
	SELECT ${dims}, CAST(sum(n) AS BIGINT) AS n FROM parts GROUP BY ${dims}, grouping_set`;
}
