/**
 * The explorer runs only reading queries. The browser's DuckDB holds copies of the published
 * tables, so nothing could be harmed, but a statement that changes them would make the page lie
 * about the release: one statement, starting with SELECT, WITH, FROM, DESCRIBE, SUMMARIZE or SHOW.
 * Returns a Dutch message for a refused query, or null.
 */
export function refuseQuery(sql: string): string | null {
	const text = sql
		.replace(/--[^\n]*/g, ' ')
		.replace(/\/\*[\s\S]*?\*\//g, ' ')
		.trim()
		.replace(/;\s*$/, '');
	if (!text) return 'Typ een query, bijvoorbeeld SELECT * FROM gebieden LIMIT 10.';
	// A semicolon outside quotes means a second statement.
	const unquoted = text.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
	if (unquoted.includes(';')) return 'Voer één query tegelijk uit (zonder ; ertussen).';
	const first = /^\(?\s*([a-z]+)/i.exec(unquoted)?.[1]?.toUpperCase();
	if (!first || !['SELECT', 'WITH', 'FROM', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'VALUES'].includes(first))
		return `De verkenner leest alleen: begin met SELECT, WITH, FROM, DESCRIBE of SUMMARIZE (niet met ${first ?? 'dit'}).`;
	return null;
}

/** The example query of the explorer; its result is prerendered on native DuckDB. */
export const EXAMPLE_SQL = `SELECT gemeente, jaar, aantal
FROM wmo_clienten
WHERE gebied_niveau = 'gemeente' AND voorziening = 'HH' AND meting = 'in_gebruik'
ORDER BY gemeente, jaar`;
