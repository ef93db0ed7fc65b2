import type { NodeEngine } from '../src/lib/db/node.server';
import { sqlIdent, sqlString } from '../src/lib/db/query';
import type { CbsManifest, Manifest } from '../src/lib/db/manifest';
import { BENCHMARK_INDICATORS, sizeClassSql, unitOfCbs } from '../src/lib/measures/benchmark';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCbsGebieden } from './sources/cbs/gebieden';
import { readCbsGemeenten } from './sources/cbs/gemeenten';

/** The CBS measure of inhabitants on 1 January (Regionale kerncijfers, 70072NED) the size class reads. */
const CBS_INHABITANTS = 'TotaleBevolking';

/**
 * Builds `release_benchmark`: every BBV indicator for every gemeente and year, once per source (the
 * release's own kerncijfers; a CBS table of `cbs_cijfers` where the BBV registry names one, with CBS's
 * Nederland row), each row with what a peer set is chosen by: the province (CBS's list of gemeenten,
 * when delivered), the inhabitants of the latest year (CBS's Regionale kerncijfers where delivered,
 * else the release's own bevolking), the size class of those inhabitants, and the shares of over-65s
 * and under-18s where the release has the gemeente's bevolking. Published as one file per indicator;
 * no table when there is nothing to compare.
 */
export async function buildBenchmark(options: {
	engine: NodeEngine;
	tables: Record<string, string>;
	raw: string;
	cbs: CbsManifest | null;
}): Promise<{ table: string | null; provinces: Manifest['sources'][number] | null }> {
	const { engine, tables } = options;
	const listed = readCbsGemeenten(options.raw);
	// CBS's Gebieden in Nederland, where delivered, gives province, inhabitants and CBS's own size class
	// of one indeling; otherwise the province comes from Gemeenten alfabetisch and the class is computed.
	const gebieden = readCbsGebieden(join(options.raw, 'cbs'));
	await engine.run(
		'CREATE OR REPLACE TEMP TABLE benchmark_provincies (gemeente VARCHAR, gemeente_naam VARCHAR, provincie VARCHAR, grootteklasse INTEGER, inwoners DOUBLE, inwoners_jaar INTEGER)'
	);
	const places = gebieden
		? gebieden.gemeenten.map(
				(g) =>
					`(${sqlString(g.code)}, ${sqlString(g.name)}, ${sqlString(g.province)}, ${g.sizeClass}, ${g.inhabitants ?? 'NULL'}, ${gebieden.edition.year})`
			)
		: (listed?.gemeenten ?? []).map(
				(g) => `(${sqlString(g.code)}, ${sqlString(g.name)}, ${sqlString(g.province)}, NULL, NULL, NULL)`
			);
	if (places.length > 0) await engine.run(`INSERT INTO benchmark_provincies VALUES ${places.join(', ')}`);
	const placesSource: Manifest['sources'][number] | null = gebieden
		? {
				file: gebieden.file,
				rows: gebieden.gemeenten.length,
				published: gebieden.gemeenten.length,
				quarantined: 0,
				sha256: createHash('sha256').update(readFileSync(gebieden.file)).digest('hex'),
				format: `CBS Gebieden in Nederland ${gebieden.edition.year} (${gebieden.edition.id}): provincie, gemeentegrootte en inwonertal per gemeente`
			}
		: (listed?.source ?? null);
	const indeling = gebieden
		? `Gemeentelijke indeling ${gebieden.edition.year} (CBS Gebieden in Nederland, ${gebieden.edition.id})`
		: null;
	const cbsTable = tables['cbs_cijfers'];
	const kerncijfers = tables['kerncijfers'];
	const bevolking = tables['bevolking'];
	const values: string[] = [];
	for (const b of BENCHMARK_INDICATORS) {
		if (b.own && kerncijfers)
			values.push(`SELECT ${sqlString(b.id)} AS indicator, 'eigen' AS bron, CAST(NULL AS VARCHAR) AS tabel,
	${sqlString(b.own.unit)} AS eenheid, ${sqlString(b.own.unitText)} AS eenheid_tekst, 'gemeente' AS niveau,
	gemeente, gemeente_naam, jaar, CAST(NULL AS VARCHAR) AS status, waarde, teller, noemer
FROM ${sqlIdent(kerncijfers)} WHERE indicator = ${sqlString(b.id)}`);
		const measure = b.cbs
			? options.cbs?.tables.find((t) => t.id === b.cbs!.table)?.measures.find((m) => m.id === b.cbs!.measure)
			: undefined;
		if (b.cbs && measure && cbsTable)
			values.push(`SELECT ${sqlString(b.id)} AS indicator, 'cbs' AS bron, ${sqlString(b.cbs.table)} AS tabel,
	${sqlString(unitOfCbs(measure.unit))} AS eenheid, ${sqlString(measure.unit)} AS eenheid_tekst, gebied_niveau AS niveau,
	gebied_code AS gemeente, gebied_naam AS gemeente_naam, jaar, status, waarde, CAST(NULL AS DOUBLE) AS teller, CAST(NULL AS DOUBLE) AS noemer
FROM ${sqlIdent(cbsTable)} WHERE tabel = ${sqlString(b.cbs.table)} AND maat = ${sqlString(b.cbs.measure)}
	AND categorie IN (${['', ...b.cbs.category].map(sqlString).join(', ')})
	AND ${b.cbs.period.kind === 'jaar' ? `periode_soort = 'jaar'` : `periode_soort = 'maand' AND periode_nummer = ${b.cbs.period.number}`}
	AND gebied_niveau IN ('gemeente', 'land')`);
	}
	const inhabitants = [
		cbsTable
			? `SELECT gebied_code AS gemeente, arg_max(waarde, jaar) AS inwoners, max(jaar) AS inwoners_jaar, 1 AS voorkeur
	FROM ${sqlIdent(cbsTable)} WHERE maat = ${sqlString(CBS_INHABITANTS)} AND gebied_niveau = 'gemeente' AND periode_soort = 'jaar' AND waarde IS NOT NULL GROUP BY ALL`
			: null,
		bevolking
			? `SELECT gemeente, arg_max(inwoners, jaar) AS inwoners, max(jaar) AS inwoners_jaar, 2 AS voorkeur
	FROM ${sqlIdent(bevolking)} WHERE gebied_niveau = 'gemeente' AND leeftijdsklasse = 'totaal' AND inwoners IS NOT NULL GROUP BY ALL`
			: null
	].filter(Boolean);
	const shares = bevolking
		? `SELECT gemeente, arg_max(a65, jaar) AS aandeel_65plus, arg_max(jeugd, jaar) AS aandeel_jeugd FROM (
		SELECT gemeente, jaar,
			sum(inwoners) FILTER (WHERE leeftijdsklasse = '65+') / sum(inwoners) FILTER (WHERE leeftijdsklasse = 'totaal') AS a65,
			sum(inwoners) FILTER (WHERE leeftijdsklasse IN ('0-14', '15-17')) / sum(inwoners) FILTER (WHERE leeftijdsklasse = 'totaal') AS jeugd,
			count(inwoners) = count(*) AS complete
		FROM ${sqlIdent(bevolking)} WHERE gebied_niveau = 'gemeente' GROUP BY ALL)
	WHERE complete AND a65 IS NOT NULL AND jeugd IS NOT NULL GROUP BY ALL`
		: `SELECT CAST(NULL AS VARCHAR) AS gemeente, CAST(NULL AS DOUBLE) AS aandeel_65plus, CAST(NULL AS DOUBLE) AS aandeel_jeugd WHERE false`;
	// Nothing to compare (no kerncijfers rows and no CBS table of the set): no benchmark table at all.
	if (values.length === 0) {
		await engine.run('DROP TABLE benchmark_provincies');
		return { table: null, provinces: placesSource };
	}
	const sql = `WITH v AS (${values.join('\nUNION ALL\n')}),
inw AS (SELECT gemeente, arg_min(inwoners, voorkeur) AS inwoners, arg_min(inwoners_jaar, voorkeur) AS inwoners_jaar FROM (${
		inhabitants.length > 0
			? inhabitants.join(' UNION ALL ')
			: 'SELECT CAST(NULL AS VARCHAR) AS gemeente, CAST(NULL AS DOUBLE) AS inwoners, CAST(NULL AS INTEGER) AS inwoners_jaar, 1 AS voorkeur WHERE false'
	}) GROUP BY gemeente),
sh AS (${shares})
SELECT v.indicator, v.bron, v.tabel, v.eenheid, v.eenheid_tekst, v.niveau, v.gemeente,
	coalesce(p.gemeente_naam, v.gemeente_naam) AS gemeente_naam, p.provincie,
	CAST(round(coalesce(p.inwoners, inw.inwoners)) AS INTEGER) AS inwonertal,
	CAST(coalesce(p.inwoners_jaar, inw.inwoners_jaar) AS INTEGER) AS inwonertal_jaar,
	CAST(coalesce(p.grootteklasse, ${sizeClassSql('inw.inwoners')}) AS INTEGER) AS grootteklasse,
	${indeling ? sqlString(indeling) : 'CAST(NULL AS VARCHAR)'} AS indeling,
	round(sh.aandeel_65plus, 4) AS aandeel_65plus, round(sh.aandeel_jeugd, 4) AS aandeel_jeugd,
	CAST(v.jaar AS INTEGER) AS jaar, v.status, CAST(v.waarde AS DOUBLE) AS waarde, CAST(v.teller AS DOUBLE) AS teller, CAST(v.noemer AS DOUBLE) AS noemer
FROM v
LEFT JOIN benchmark_provincies p ON v.niveau = 'gemeente' AND p.gemeente = v.gemeente
LEFT JOIN inw ON v.niveau = 'gemeente' AND inw.gemeente = v.gemeente
LEFT JOIN sh ON v.niveau = 'gemeente' AND sh.gemeente = v.gemeente
ORDER BY v.indicator, v.bron, v.jaar, v.niveau, v.gemeente`;
	await engine.run(`CREATE OR REPLACE TABLE release_benchmark AS ${sql}`);
	await engine.run('DROP TABLE benchmark_provincies');
	const [{ rows } = { rows: 0 }] = await engine.query<{ rows: number }>(
		'SELECT CAST(count(*) AS INTEGER) AS rows FROM release_benchmark'
	);
	if (rows === 0) await engine.run('DROP TABLE release_benchmark');
	return {
		table: rows > 0 ? 'release_benchmark' : null,
		provinces: placesSource
	};
}
