/**
 * DuckDB's error messages are English and name the class first ("Catalog Error: …"). A reader of the
 * explorer gets one Dutch sentence naming the kind of mistake and what to do, then DuckDB's own text
 * as detail, which names the exact table, column or position.
 */
export interface ExplainedError {
	/** What went wrong and what to do, in Dutch. */
	advice: string;
	/** DuckDB's own message, unchanged. */
	detail: string;
}

const TABLES = "kijk bij 'Tabellen en kolommen' welke tabellen er zijn";

const RULES: { test: RegExp; advice: string }[] = [
	{
		test: /^Catalog Error: Table (with name|Function with name)? ?.*does not exist/i,
		advice: `Die tabel bestaat niet; ${TABLES}.`
	},
	{
		test: /^Catalog Error:/i,
		advice: `Een naam in de query bestaat niet (tabel of functie); ${TABLES} en controleer de spelling.`
	},
	{
		test: /^Binder Error:.*(column|Referenced column).*not found|^Binder Error:.*does not have a column/i,
		advice:
			"Die kolom bestaat niet in deze tabel; kijk bij 'Tabellen en kolommen' welke kolommen de tabel heeft."
	},
	{
		test: /^Parser Error:/i,
		advice:
			'De query is geen geldige SQL (een tikfout, een ontbrekende komma of haakje, of een woord op de verkeerde plek); controleer de query rond de plek die DuckDB hieronder noemt.'
	},
	{
		test: /^Conversion Error:|^Invalid Input Error:.*(convert|cast)/i,
		advice:
			"Een waarde kan niet naar het gevraagde type worden omgezet (bijvoorbeeld tekst naar getal of datum); controleer vergelijkingen en CAST's, en zet tekst tussen enkele aanhalingstekens."
	},
	{
		test: /^Binder Error:/i,
		advice:
			'DuckDB kan de query niet koppelen aan de tabellen (bijvoorbeeld een kolom die niet in GROUP BY staat, of types die niet samengaan); controleer de query aan de hand van de melding hieronder.'
	},
	{
		test: /^Out of Memory Error:/i,
		advice: 'De query vraagt meer geheugen dan de browser heeft; beperk het resultaat met WHERE of LIMIT.'
	}
];

/** The Dutch explanation of one DuckDB error message; unknown classes get a general sentence. */
export function explainDuckdbError({ message }: { message: string }): ExplainedError {
	const detail = message.trim();
	const rule = RULES.find((r) => r.test.test(detail));
	return {
		advice:
			rule?.advice ??
			'DuckDB kon de query niet uitvoeren; pas de query aan aan de hand van de melding hieronder en voer hem opnieuw uit.',
		detail
	};
}

/** The explanation as one line for a status message: the Dutch sentence, then DuckDB's text. */
export function duckdbErrorText({ message }: { message: string }): string {
	const { advice, detail } = explainDuckdbError({ message });
	return `De query is mislukt. ${advice} Melding van DuckDB: ${detail}`;
}
