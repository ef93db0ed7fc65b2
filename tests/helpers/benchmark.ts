import { openRelease } from '../../src/lib/db/node.server';
import { sqlString } from '../../src/lib/db/query';

/** What a benchmark of BBV 32 (CBS 86050NED) must show in one year, computed without the benchmark table. */
export interface ExpectedYear {
	jaar: number;
	own: number | null;
	nederland: number | null;
	peers: number | null;
	peersWith: number;
	members: { code: string; name: string }[];
	/** 1 + the gemeenten with a higher value; null when the gemeente has none */
	position: number | null;
	/** gemeenten with a value */
	ranked: number;
}

/**
 * An independent SQL over the sample release and CBS's list of gemeenten as delivered: the CBS cells
 * of 86050NED and 70072NED straight from `cbs_cijfers`, size classes by CBS's boundaries written out
 * here, provinces from `data/raw/cbs/gemeenten-alfabetisch.csv`; the peers' unweighted mean without the
 * gemeente itself and without the peers that have no value. Nothing of the benchmark table or code.
 */
export async function independentBenchmark(options: {
	gemeente: string;
	peers: 'klasse' | 'provincie' | 'voorstel' | string[];
	publishedDir?: string;
}): Promise<ExpectedYear[]> {
	const { engine } = await openRelease({ publishedDir: options.publishedDir ?? 'static/data' });
	try {
		const self = sqlString(options.gemeente);
		const peersSql =
			options.peers === 'klasse'
				? `SELECT gemeente FROM kenmerk WHERE klasse = (SELECT klasse FROM kenmerk WHERE gemeente = ${self})`
				: options.peers === 'provincie'
					? `SELECT gemeente FROM kenmerk WHERE provincie = (SELECT provincie FROM kenmerk WHERE gemeente = ${self})`
					: options.peers === 'voorstel'
						? `SELECT gemeente FROM kenmerk WHERE gemeente <> ${self} ORDER BY abs(ln(inwoners) - ln((SELECT inwoners FROM kenmerk WHERE gemeente = ${self}))), gemeente LIMIT 5`
						: `SELECT unnest([${options.peers.map(sqlString).join(', ')}]) AS gemeente`;
		const rows = await engine.query<{
			jaar: number;
			own: number | null;
			nederland: number | null;
			peers: number | null;
			peers_with: number;
			members: string;
			position: number | null;
			ranked: number;
		}>(`WITH provincies AS (SELECT GemeentecodeGM AS gemeente, Gemeentenaam AS naam, Provincienaam AS provincie
		FROM read_csv('data/raw/cbs/gemeenten-alfabetisch.csv', delim = ';', header = true, all_varchar = true)),
	inw AS (SELECT gebied_code AS gemeente, arg_max(waarde, jaar) AS inwoners FROM cbs_cijfers
		WHERE tabel = '70072NED' AND maat = 'TotaleBevolking' AND gebied_niveau = 'gemeente' AND waarde IS NOT NULL GROUP BY 1),
	kenmerk AS (SELECT inw.gemeente, inwoners, p.naam, p.provincie,
		CASE WHEN inwoners < 5000 THEN 1 WHEN inwoners < 10000 THEN 2 WHEN inwoners < 20000 THEN 3 WHEN inwoners < 50000 THEN 4
			WHEN inwoners < 100000 THEN 5 WHEN inwoners < 150000 THEN 6 WHEN inwoners < 250000 THEN 7 ELSE 8 END AS klasse
		FROM inw LEFT JOIN provincies p USING (gemeente)),
	peers AS (SELECT gemeente FROM (${peersSql}) WHERE gemeente <> ${self}),
	wmo AS (SELECT gebied_code AS gemeente, gebied_niveau, jaar, waarde FROM cbs_cijfers
		WHERE tabel = '86050NED' AND maat = 'WmoClientenPer1000Inwoners' AND periode_soort = 'jaar'),
	me AS (SELECT jaar, waarde AS mine FROM wmo WHERE gemeente = ${self})
SELECT jaar,
	any_value(waarde) FILTER (WHERE gemeente = ${self}) AS own,
	CASE WHEN any_value(mine) IS NOT NULL THEN CAST(count(*) FILTER (WHERE gebied_niveau = 'gemeente' AND waarde > mine) + 1 AS INTEGER) END AS position,
	CAST(count(waarde) FILTER (WHERE gebied_niveau = 'gemeente') AS INTEGER) AS ranked,
	any_value(waarde) FILTER (WHERE gebied_niveau = 'land') AS nederland,
	round(avg(waarde) FILTER (WHERE gemeente IN (SELECT gemeente FROM peers)), 1) AS peers,
	CAST(count(waarde) FILTER (WHERE gemeente IN (SELECT gemeente FROM peers)) AS INTEGER) AS peers_with,
	(SELECT string_agg(gemeente || '=' || naam, '|' ORDER BY naam) FROM peers JOIN kenmerk USING (gemeente)) AS members
FROM wmo LEFT JOIN me USING (jaar) GROUP BY jaar ORDER BY jaar`);
		return rows.map((r) => ({
			jaar: r.jaar,
			own: r.own,
			nederland: r.nederland,
			peers: r.peers,
			peersWith: r.peers_with,
			position: r.position,
			ranked: r.ranked,
			members: (r.members ?? '').split('|').flatMap((m) => {
				const [code, name] = m.split('=');
				return code && name ? [{ code, name }] : [];
			})
		}));
	} finally {
		engine.close();
	}
}

/** A gemeente whose CBS Wmo cell (86050NED) is secret in some year, with that year. */
export async function secretPeer(
	publishedDir = 'static/data'
): Promise<{ code: string; name: string; jaar: number }> {
	const { engine } = await openRelease({ publishedDir });
	try {
		const [row] = await engine.query<{ code: string; name: string; jaar: number }>(
			`SELECT gebied_code AS code, gebied_naam AS name, jaar FROM cbs_cijfers
			WHERE tabel = '86050NED' AND maat = 'WmoClientenPer1000Inwoners' AND gebied_niveau = 'gemeente' AND waarde IS NULL
			ORDER BY gebied_code, jaar LIMIT 1`
		);
		if (!row)
			throw new Error(
				'the sample has no secret CBS cell: run "npm run data" (the sample keeps small counts secret)'
			);
		return row;
	} finally {
		engine.close();
	}
}
