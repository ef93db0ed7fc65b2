import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { READING_STATEMENTS, runReadingQuery } from '../../src/lib/explorer/guard';
import { openNodeEngine, type NodeEngine } from '../../src/lib/db/node.server';
import { tempFolders } from '../helpers/temp';

const { attempts } = JSON.parse(
	readFileSync(new URL('../fixtures/explorer/bypass.json', import.meta.url), 'utf8')
) as { attempts: string[] };

/** A reading query of several tokens, to put a second statement between any two of them. */
const BASE = "SELECT naam, 'a;b' AS tekst FROM gebieden WHERE niveau = 'wijk' ORDER BY naam LIMIT 2";

const { temp } = tempFolders();
let engine: NodeEngine;
let dir: string;

/** Everything an attempt could change: tables and their contents, settings, databases, variables, files. */
async function state(): Promise<unknown> {
	return {
		tables: await engine.query(
			'SELECT database_name, schema_name, table_name, estimated_size FROM duckdb_tables() ORDER BY ALL'
		),
		gebieden: await engine.query('SELECT * FROM gebieden ORDER BY ALL'),
		settings: await engine.query(
			"SELECT name, value FROM duckdb_settings() WHERE name IN ('threads', 'search_path', 'memory_limit') ORDER BY name"
		),
		databases: await engine.query('SELECT database_name FROM duckdb_databases() ORDER BY ALL'),
		variables: await engine.query('SELECT name FROM duckdb_variables() ORDER BY ALL'),
		extensions: await engine.query(
			'SELECT extension_name FROM duckdb_extensions() WHERE loaded ORDER BY ALL'
		),
		files: readdirSync(dir)
	};
}

beforeAll(async () => {
	dir = temp('koers-guard-');
	engine = await openNodeEngine();
	await engine.run(`CREATE TABLE gebieden AS SELECT * FROM (VALUES
		('WK019301', 'Binnenstad', 'wijk'), ('WK019302', 'Diezerpoort', 'wijk'), ('BU01930100', 'Centrum', 'buurt')
	) t(code, naam, niveau)`);
});
afterAll(() => {
	engine.close();
});

describe('reading queries run', () => {
	test.each([
		['SELECT * FROM gebieden', 3],
		['  with x AS (SELECT 1) SELECT * FROM x;', 1],
		['-- commentaar\nFROM gebieden LIMIT 2', 2],
		['/* een ; in commentaar */ SELECT 1 -- en hier ;', 1],
		["SELECT 'a;b' AS tekst", 1],
		['SELECT $$a;b$$ AS tekst', 1],
		['VALUES (1), (2)', 2],
		['DESCRIBE gebieden', 3],
		['SUMMARIZE gebieden', 3],
		['SHOW TABLES', 1],
		['(SELECT 1) UNION ALL (SELECT 2)', 2],
		[BASE, 2]
	])('%j gives %i rows', async (sql, count) => {
		const outcome = await runReadingQuery(engine, sql);
		expect(outcome).toHaveProperty('rows');
		expect((outcome as { rows: unknown[] }).rows).toHaveLength(count);
	});

	test('columns and order are the query’s own', async () => {
		expect(await runReadingQuery(engine, BASE)).toEqual({
			rows: [
				{ naam: 'Binnenstad', tekst: 'a;b' },
				{ naam: 'Diezerpoort', tekst: 'a;b' }
			]
		});
	});
});

describe('bypass attempts (tests/fixtures/explorer/bypass.json) are refused and change nothing', () => {
	test.each(attempts)('%j', async (attempt) => {
		const before = await state();
		const outcome = await runReadingQuery(engine, attempt.replaceAll('{dir}', dir));
		expect(outcome).not.toHaveProperty('rows');
		expect(await state()).toEqual(before);
	});

	test('a second statement after a semicolon, or after closing the wrapper, at every token boundary', async () => {
		const before = await state();
		const boundaries = [...BASE.matchAll(/ /g)].map((m) => m.index).concat(BASE.length);
		const inserts = [
			'; DROP TABLE gebieden',
			'; DROP TABLE gebieden;',
			'); DROP TABLE gebieden; SELECT * FROM ('
		];
		let tried = 0;
		for (const at of boundaries)
			for (const insert of inserts) {
				const outcome = await runReadingQuery(engine, BASE.slice(0, at) + insert + BASE.slice(at));
				expect(outcome, `${insert} at ${at}`).not.toHaveProperty('rows');
				tried++;
			}
		expect(tried).toBe(boundaries.length * inserts.length);
		expect(await state()).toEqual(before);
	});
});

describe('messages', () => {
	test.each([
		['', 'Typ een query, bijvoorbeeld SELECT * FROM gebieden LIMIT 10.'],
		[
			'DROP TABLE gebieden',
			`De verkenner leest alleen: begin met SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE of SHOW (niet met DROP).`
		],
		[
			'-- eerst commentaar\nINSERT INTO gebieden VALUES (1)',
			'De verkenner leest alleen: begin met SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE of SHOW (niet met INSERT).'
		],
		['SELECT 1; DROP TABLE gebieden', 'Voer één query tegelijk uit (zonder ; ertussen).'],
		[
			'SELECT 1); DROP TABLE gebieden; SELECT * FROM (SELECT 1',
			'Voer één query tegelijk uit (zonder ; ertussen).'
		]
	])('%j', async (sql, message) => {
		expect(await runReadingQuery(engine, sql)).toEqual({ refused: message });
	});

	test('the refusal lists every statement that runs', () => {
		expect(READING_STATEMENTS).toEqual(['SELECT', 'WITH', 'FROM', 'VALUES', 'DESCRIBE', 'SUMMARIZE', 'SHOW']);
	});

	test('a reading query that fails carries DuckDB’s own message', async () => {
		const outcome = await runReadingQuery(engine, 'SELECT * FROM bestaat_niet');
		expect(outcome).toHaveProperty('failed');
		expect((outcome as { failed: string }).failed).toMatch(
			/^De query is mislukt\. Die tabel bestaat niet; .* Melding van DuckDB: .*bestaat_niet/
		);
	});
});
