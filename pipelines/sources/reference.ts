import { taakveldenSql } from '../../src/lib/finance/taakvelden';
import { sqlString } from '../../src/lib/db/query';
import { appendColumns, type AppendColumn, type NodeEngine } from '../../src/lib/db/node.server';
import type { DivisionAreas } from '../../src/lib/gemeente/division';

/**
 * Loads a gemeente's area division into `ref_buurten` (code, wijk, name) and `ref_wijken`, and builds
 * `pub_gebieden`, the published area table (gemeente, wijken, buurten with their parent).
 */
export async function loadAreas(options: {
	engine: NodeEngine;
	gemeente: { code: string; name: string };
	areas: DivisionAreas;
}): Promise<void> {
	const { engine, gemeente, areas } = options;
	await engine.run(`
		CREATE OR REPLACE TABLE ref_buurten (code VARCHAR, wijk VARCHAR, naam VARCHAR);
		CREATE OR REPLACE TABLE ref_wijken (code VARCHAR, naam VARCHAR);
	`);
	const text = (values: string[]): AppendColumn => ({ type: 'VARCHAR', values });
	await appendColumns(engine, 'ref_buurten', [
		text(areas.buurten.map((b) => b.code)),
		text(areas.buurten.map((b) => b.wijk)),
		text(areas.buurten.map((b) => b.name))
	]);
	await appendColumns(engine, 'ref_wijken', [
		text(areas.wijken.map((w) => w.code)),
		text(areas.wijken.map((w) => w.name))
	]);
	await engine.run(`
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
	await options.engine.run(
		`CREATE OR REPLACE TABLE ref_taakvelden AS ${taakveldenSql(options.referenceDir)}`
	);
}
