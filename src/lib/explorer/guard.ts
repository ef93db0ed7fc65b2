import type { QueryEngine, Row } from '../db/query';
import { duckdbErrorText } from './error-text';

/** The statements a reader may run in the explorer: the help text and the refusal both list these. */
export const READING_STATEMENTS = [
	'SELECT',
	'WITH',
	'FROM',
	'VALUES',
	'DESCRIBE',
	'SUMMARIZE',
	'SHOW'
] as const;

/** The result of a reader's query, or the Dutch reason it was not run. */
export type ExplorerOutcome<T extends Row> = { rows: T[] } | { refused: string } | { failed: string };

/**
 * The explorer runs only reading queries. The browser's DuckDB holds copies of the published tables,
 * so nothing could be harmed, but a statement that changes them would make the page lie about the
 * release. No regex decides this: DuckDB's own parser does.
 *
 * The reader's text goes into `SELECT * FROM (…)`, where only a reading statement parses (SELECT,
 * WITH, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW), and runs as a prepared statement, which DuckDB
 * refuses for more than one statement. Closing the parenthesis to append a statement therefore gives
 * several statements and is refused; a semicolon, comment or quote anywhere is read by DuckDB's
 * lexer exactly as it would be run.
 */
export async function runReadingQuery<T extends Row = Row>(
	engine: Pick<QueryEngine, 'queryPrepared'>,
	sql: string
): Promise<ExplorerOutcome<T>> {
	const text = sql.trim().replace(/;\s*$/, '');
	if (!text) return { refused: 'Typ een query, bijvoorbeeld SELECT * FROM gebieden LIMIT 10.' };
	try {
		// The newline ends a trailing -- comment before the closing parenthesis.
		return { rows: await engine.queryPrepared<T>(`SELECT * FROM (\n${text}\n)`) };
	} catch (error) {
		const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
		if (/multiple statements/i.test(cause)) return { refused: ONE_AT_A_TIME };
		const first = firstKeyword(text);
		if (!first || !(READING_STATEMENTS as readonly string[]).includes(first))
			return { refused: onlyReading(first) };
		if (/syntax error at or near ";"/.test(cause)) return { refused: ONE_AT_A_TIME };
		return { failed: duckdbErrorText({ message: cause }) };
	}
}

const ONE_AT_A_TIME = 'Voer één query tegelijk uit (zonder ; ertussen).';

/** The allowed statements as Dutch prose ("SELECT, WITH, … of SHOW"), for the help text and the refusal. */
export const READING_STATEMENTS_TEXT =
	READING_STATEMENTS.slice(0, -1).join(', ') + ' of ' + READING_STATEMENTS.at(-1);

function onlyReading(first: string | undefined): string {
	return `De verkenner leest alleen: begin met ${READING_STATEMENTS_TEXT} (niet met ${first ?? 'dit'}).`;
}

/**
 * The first word after leading comments and parentheses, for the message only: whether the text runs
 * is decided by the parser above.
 */
function firstKeyword(text: string): string | undefined {
	const rest = text.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
	return /^[a-z]+/i.exec(rest)?.[0].toUpperCase();
}

/** The example query of the explorer; its result is prerendered on native DuckDB. */
export const EXAMPLE_SQL = `SELECT gemeente, jaar, aantal
FROM wmo_clienten
WHERE gebied_niveau = 'gemeente' AND voorziening = 'HH' AND meting = 'in_gebruik'
ORDER BY gemeente, jaar`;
