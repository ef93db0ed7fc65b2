import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { duckdbErrorText, explainDuckdbError } from '../../src/lib/explorer/error-text';
import { runReadingQuery } from '../../src/lib/explorer/guard';
import { openNodeEngine, type NodeEngine } from '../../src/lib/db/node.server';

let engine: NodeEngine;

beforeAll(async () => {
	engine = await openNodeEngine();
	await engine.run(`CREATE TABLE gebieden AS SELECT * FROM (VALUES ('WK019301', 'wijk')) t(code, niveau)`);
});
afterAll(() => {
	engine.close();
});

/** DuckDB's real message for a query, so the rules are tested against what DuckDB says, not a copy. */
async function failure(sql: string): Promise<string> {
	const outcome = await runReadingQuery(engine, sql);
	if (!('failed' in outcome)) throw new Error(`expected ${sql} to fail, got ${JSON.stringify(outcome)}`);
	return outcome.failed;
}

describe('each class of DuckDB error gets its own Dutch sentence before DuckDB’s text', () => {
	test.each([
		[
			'SELECT * FROM bestaat_niet',
			"Die tabel bestaat niet; kijk bij 'Tabellen en kolommen' welke tabellen er zijn."
		],
		['SELECT bestaat_niet FROM gebieden', 'Die kolom bestaat niet in deze tabel'],
		['SELECT * FROM gebieden WHERE', 'De query is geen geldige SQL'],
		["SELECT CAST('abc' AS INTEGER)", 'Een waarde kan niet naar het gevraagde type worden omgezet'],
		['SELECT code, count(*) FROM gebieden', 'DuckDB kan de query niet koppelen'],
		['SELECT bestaat_niet_functie(1)', 'Een naam in de query bestaat niet']
	])('%j', async (sql, advice) => {
		const text = await failure(sql);
		expect(text.startsWith(`De query is mislukt. ${advice}`)).toBe(true);
		// DuckDB's own text follows as detail, after the Dutch.
		expect(text.indexOf('Melding van DuckDB: ')).toBeGreaterThan(text.indexOf(advice));
	});
});

test('an unknown class gets the general sentence and keeps DuckDB’s message whole', () => {
	expect(explainDuckdbError({ message: 'IO Error: iets anders ' })).toEqual({
		advice:
			'DuckDB kon de query niet uitvoeren; pas de query aan aan de hand van de melding hieronder en voer hem opnieuw uit.',
		detail: 'IO Error: iets anders'
	});
	expect(duckdbErrorText({ message: 'IO Error: x' })).toMatch(
		/^De query is mislukt\. DuckDB kon .* Melding van DuckDB: IO Error: x$/
	);
});
