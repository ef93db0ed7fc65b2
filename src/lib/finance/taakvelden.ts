import { sqlString } from '../db/query';

/** The Iv3 taakvelden reference file, under the reference folder. */
const TAAKVELDEN_FILE = 'begroting/iv3_taakvelden_sociaal_domein.csv';

/**
 * The one reading of the taakvelden reference (code, naam, the years it is valid, the code it
 * succeeds): the pipeline checks deliveries against it, the site names taakvelden with it.
 */
export function taakveldenSql(referenceDir: string): string {
	return `SELECT code, naam, CAST(geldig_van AS INTEGER) AS van, CAST(coalesce(nullif(geldig_tot, ''), '9999') AS INTEGER) AS tot, nullif(opvolger_van, '') AS opvolger_van
		FROM read_csv(${sqlString(`${referenceDir}/${TAAKVELDEN_FILE}`)}, header = true, all_varchar = true)
		ORDER BY code, van`;
}
