import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/server/duckdb-node';
import { PipelineError } from '../errors';

/** The file prefix of each gemeente's CBS area files in `data/reference/cbs/`. */
export const AREA_FILES: Record<string, string> = { GM0193: 'zwolle', GM0014: 'groningen' };

/**
 * Loads the CBS area codes of a gemeente into `ref_buurten` (code, wijk, name) and builds
 * `pub_gebieden`, the published area table (gemeente, wijken, buurten with their parent).
 */
export async function loadAreas(options: {
	engine: NodeEngine;
	referenceDir: string;
	gemeente: { code: string; name: string };
	/** the gemeente's delivery folder: a gemeente without CBS reference files delivers its own division there */
	rawDir?: string;
}): Promise<void> {
	const { engine, referenceDir, gemeente } = options;
	const cbs = join(referenceDir, 'cbs');
	const prefix = AREA_FILES[gemeente.code];
	const delivered = (kind: string) =>
		options.rawDir ? join(options.rawDir, `gebiedsindeling_${kind}.csv`) : '';
	if (!prefix && !(existsSync(delivered('wijken')) && existsSync(delivered('buurten'))))
		throw new PipelineError(
			`geen gebiedsindeling voor ${gemeente.code}: lever gebiedsindeling_wijken.csv en gebiedsindeling_buurten.csv mee (kolommen statcode,statnaam,gemeentecode,wijkcode; zie docs/aanleverformaat.md), of voeg de CBS-bestanden toe aan ${cbs} en neem de gemeente op in AREA_FILES`
		);
	const read = (kind: string) =>
		`read_csv(${sqlString(prefix ? join(cbs, `${prefix}_${kind}_2014_codes.csv`) : delivered(kind))}, header = true, all_varchar = true)`;
	await engine.run(`
		CREATE OR REPLACE TABLE ref_buurten AS SELECT statcode AS code, wijkcode AS wijk, statnaam AS naam FROM ${read('buurten')} WHERE gemeentecode = ${sqlString(gemeente.code)};
		CREATE OR REPLACE TABLE ref_wijken AS SELECT statcode AS code, statnaam AS naam FROM ${read('wijken')} WHERE gemeentecode = ${sqlString(gemeente.code)};
		CREATE OR REPLACE TABLE pub_gebieden AS
		SELECT * FROM (
			SELECT ${sqlString(gemeente.code)} AS gemeente, 'gemeente' AS gebied_niveau, ${sqlString(gemeente.code)} AS gebied_code, ${sqlString(gemeente.name)} AS gebied_naam, CAST(NULL AS VARCHAR) AS ouder_code
			UNION ALL SELECT ${sqlString(gemeente.code)}, 'wijk', code, naam, ${sqlString(gemeente.code)} FROM ref_wijken
			UNION ALL SELECT ${sqlString(gemeente.code)}, 'buurt', code, naam, wijk FROM ref_buurten
		) ORDER BY gemeente, gebied_niveau, gebied_code;
	`);
}

/**
 * Loads the Iv3 taakvelden of the sociaal domein into `ref_taakvelden` (code, van, tot), with the
 * years each code is valid: the 2023 split replaced 6.71, 6.72, 6.81 and 6.82 by sub-codes.
 */
export async function loadTaakvelden(options: { engine: NodeEngine; referenceDir: string }): Promise<void> {
	const path = join(options.referenceDir, 'begroting', 'iv3_taakvelden_sociaal_domein.csv');
	await options.engine.run(`
		CREATE OR REPLACE TABLE ref_taakvelden AS
		SELECT code, naam, CAST(geldig_van AS INTEGER) AS van, CAST(coalesce(nullif(geldig_tot, ''), '9999') AS INTEGER) AS tot, nullif(opvolger_van, '') AS opvolger_van
		FROM read_csv(${sqlString(path)}, header = true, all_varchar = true)
	`);
}
