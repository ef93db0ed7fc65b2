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
}): Promise<void> {
	const { engine, referenceDir, gemeente } = options;
	const cbs = join(referenceDir, 'cbs');
	const prefix = AREA_FILES[gemeente.code];
	if (!prefix)
		throw new PipelineError(
			`geen CBS-gebiedsindeling voor ${gemeente.code} in ${cbs}: voeg <naam>_{wijken,buurten}_2014_codes.csv toe en neem de gemeente op in AREA_FILES`
		);
	const read = (kind: string) =>
		`read_csv(${sqlString(join(cbs, `${prefix}_${kind}_2014_codes.csv`))}, header = true, all_varchar = true)`;
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
