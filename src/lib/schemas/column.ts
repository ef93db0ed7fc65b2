import { sqlIdent, sqlString } from '../db/query';
import { PSEUDONYM_PADS, pseudonymSql, type Identifier } from '../disclosure/pseudonymise';

/** One column of an input file: its name, meaning, and what a valid value is. */
export type ColumnSpec = {
	name: string;
	description: string;
	required: boolean;
	/** the column may be left out of the file altogether (read as empty), e.g. a scale a wave did not measure */
	optionalInHeader?: boolean;
} & (
	| { type: 'text'; pattern?: string; hint?: string }
	| { type: 'code'; codes: readonly string[]; labels?: Record<string, string> }
	| { type: 'reference'; table: string; column: string; hint: string }
	| { type: 'date' }
	| { type: 'integer'; min: number; max: number }
	| { type: 'decimal'; min: number; max: number }
	| { type: 'boolean' }
);

/** The buurt of a row: a CBS buurtcode that must exist in the gemeente's area reference. */
export const BUURTCODE_COLUMN: ColumnSpec = {
	name: 'buurtcode',
	type: 'reference',
	table: 'ref_buurten',
	column: 'code',
	hint: 'buurtcode',
	required: true,
	description: 'CBS-buurtcode van het woonadres (BU…)'
};

/** A rule over several columns of one row (e.g. end before start). */
interface RowRule {
	column: string;
	/** SQL condition that is true for a bad row; `typed(name)` refers to a column's typed value */
	failsWhen: (typed: (name: string) => string) => string;
	message: string;
}

/** The schema of one input file. */
export interface FileSchema {
	/** name of the source kind, used for the warehouse table */
	name: string;
	title: string;
	/** what one row is, in Dutch, for the delivery-format document */
	about: string;
	/** example rows for the template, values in column order */
	example: string[][];
	columns: readonly ColumnSpec[];
	rules: RowRule[];
	/** columns that together identify a row; a repeat is quarantined as a duplicate */
	key: string[];
}

/** The value a column holds once checked and typed: a code column its codes, numbers as numbers. */
type CellOf<C extends ColumnSpec> = C extends { type: 'code'; codes: readonly (infer K)[] }
	? K
	: C extends { type: 'integer' | 'decimal' }
		? number
		: C extends { type: 'boolean' }
			? boolean
			: string;

/**
 * The typed row of a schema declared `as const satisfies FileSchema`: one property per column, null
 * where the column is not required. Code that reads or writes such rows derives its type from here
 * instead of declaring the columns again.
 */
export type RowOf<S extends { columns: readonly ColumnSpec[] }> = {
	[C in S['columns'][number] as C['name']]: C extends { required: true } ? CellOf<C> : CellOf<C> | null;
};

/** Name of the trimmed text of a column inside the checking query (NULL when empty). */
const textAlias = (name: string) => sqlIdent(`text__${name}`);

/** SQL that turns a column's trimmed, non-empty text (`text`) into its typed value (NULL when unparseable). */
function typedFromText(spec: ColumnSpec, text: string): string {
	switch (spec.type) {
		case 'text':
		case 'code':
		case 'reference':
			return text;
		case 'date':
			// Dutch exports write dd-mm-jjjj; ISO jjjj-mm-dd is accepted too. One try_strptime with both
			// formats tries them in that order, as two calls would, at about half the cost.
			return `CAST(try_strptime(${text}, ['%d-%m-%Y', '%Y-%m-%d']) AS DATE)`;
		case 'integer':
			return `try_cast(${text} AS INTEGER)`;
		case 'decimal':
			// Decimal comma ("4,4") or point ("4.4"); with a comma, dots are thousands separators.
			return `try_cast(CASE WHEN contains(${text}, ',') THEN replace(replace(${text}, '.', ''), ',', '.') ELSE ${text} END AS DOUBLE)`;
		case 'boolean':
			return `CASE lower(${text}) WHEN 'ja' THEN true WHEN 'nee' THEN false END`;
	}
}

/** One check of one cell: when it fails, where, and the message (SQL expressions). */
interface CellCheck {
	when: string;
	columnNumber: number;
	columnName: string;
	value: string;
	message: string;
}

/** Name of the typed copy of a column inside the checking query. */
const typedAlias = (name: string) => sqlIdent(`typed__${name}`);

/** The checks of one column's cells: required, then what its type allows. */
function columnChecks(spec: ColumnSpec, columnNumber: number): CellCheck[] {
	const checks: CellCheck[] = [];
	const cell = sqlIdent(spec.name);
	const text = textAlias(spec.name);
	const typed = typedAlias(spec.name);
	const present = `${text} IS NOT NULL`;
	const add = (when: string, message: string) =>
		checks.push({ when, columnNumber, columnName: spec.name, value: cell, message });
	if (spec.required) add(`${text} IS NULL`, `'verplicht veld is leeg: vul een waarde in'`);
	switch (spec.type) {
		case 'text':
			if (spec.pattern) {
				add(
					`${present} AND NOT regexp_full_match(${text}, ${sqlString(spec.pattern)})`,
					`'ongeldige waarde "' || ${text} || '": verwacht ${spec.hint ?? spec.pattern}'`
				);
			}
			break;
		case 'code':
			add(
				`${present} AND ${text} NOT IN (${spec.codes.map(sqlString).join(', ')})`,
				`'onbekende code "' || ${text} || '": kies uit ${spec.codes.join(', ')}'`
			);
			break;
		case 'reference':
			add(
				`${present} AND ${text} NOT IN (SELECT ${sqlIdent(spec.column)} FROM ${sqlIdent(spec.table)})`,
				`'onbekende ${spec.hint} "' || ${text} || '": gebruik een code uit de CBS-gebiedsindeling'`
			);
			break;
		case 'date':
			add(`${present} AND ${typed} IS NULL`, `'ongeldige datum "' || ${text} || '": verwacht dd-mm-jjjj'`);
			add(
				`${typed} > current_date`,
				`'datum "' || ${text} || '" ligt in de toekomst: controleer de datum of de exportdatum'`
			);
			break;
		case 'integer':
		case 'decimal':
			add(
				`${present} AND ${typed} IS NULL`,
				`'ongeldig getal "' || ${text} || '": verwacht ${spec.type === 'integer' ? 'een geheel getal' : 'een getal met decimale komma'}'`
			);
			add(
				`${typed} NOT BETWEEN ${spec.min} AND ${spec.max}`,
				`'waarde "' || ${text} || '" valt buiten het bereik ${spec.min} tot en met ${spec.max}'`
			);
			break;
		case 'boolean':
			add(`${present} AND ${typed} IS NULL`, `'ongeldige waarde "' || ${text} || '": verwacht ja of nee'`);
			break;
	}
	return checks;
}

/** The checks of a whole row: a Totaal row, a repeated key, and the schema's rules over several columns. */
function rowChecks(schema: FileSchema, columnNumbers: Map<string, number>): CellCheck[] {
	const checks: CellCheck[] = [];
	// A sum row from a spreadsheet ("Totaal") is not a registration.
	const first = schema.columns[0]!.name;
	// Such a row starts with "Totaal" in its first non-empty cell (spreadsheets put the label there).
	// The prefix test spares the regular expression on every row that cannot match it.
	const label = `coalesce(${schema.columns
		.slice(0, 2)
		.map((c) => textAlias(c.name))
		.join(', ')}, '')`;
	checks.push({
		when: `(${label} ILIKE 'tota%' OR ${label} ILIKE 'subtota%') AND regexp_matches(lower(${label}), '^(sub)?totaa?l\\b')`,
		columnNumber: columnNumbers.get(first) ?? 1,
		columnName: first,
		value: sqlIdent(first),
		message: `'totaalregel: een regel met "Totaal" hoort niet in de export; verwijder deze regel'`
	});
	if (schema.key.length > 0) {
		checks.push({
			when: 'line > first__line',
			columnNumber: columnNumbers.get(schema.key[0]!) ?? 0,
			columnName: schema.key[0]!,
			value: 'NULL',
			message: `'dubbele regel: dezelfde ${schema.key.join(', ')} als regel ' || first__line || '; verwijder een van beide'`
		});
	}
	for (const rule of schema.rules) {
		checks.push({
			when: rule.failsWhen((name) => typedAlias(name)),
			columnNumber: columnNumbers.get(rule.column) ?? 0,
			columnName: rule.column,
			value: 'NULL',
			message: sqlString(rule.message)
		});
	}
	return checks;
}

/** What the checking queries are given: the schema, the table of raw lines, and how the file is written. */
interface CheckedSourceOptions {
	schema: FileSchema;
	table: string;
	columnNumbers: Map<string, number>;
	/**
	 * false when no cell of the file can start or end with a character trim() removes (the reader
	 * proved it from the file's bytes): the cells are then read as they are. Trimmed when left out.
	 */
	padded?: boolean;
	/**
	 * false when the file has no '.' at all (the reader saw it in its bytes): no cell can then be a
	 * number with a decimal point, and checkedRowsSql does not look for one. Looked for when left out.
	 */
	points?: boolean;
}

/** The checks of a file and the query they run on: every cell trimmed and typed once, with the duplicates. */
function checkedSource(options: CheckedSourceOptions) {
	const { schema, table, columnNumbers } = options;
	const checks = [
		...schema.columns.flatMap((spec) => columnChecks(spec, columnNumbers.get(spec.name) ?? 0)),
		...rowChecks(schema, columnNumbers)
	];
	// DuckDB's trim() decodes every character of a cell to find its last non-space one, and copies it:
	// a quarter of the checking time, spent for nothing on a file whose cells carry no padding.
	const text = (cell: string) => (options.padded === false ? cell : `trim(${cell})`);
	const textColumns = schema.columns
		.map((c) => `nullif(${text(sqlIdent(c.name))}, '') AS ${textAlias(c.name)}`)
		.join(', ');
	const typedColumns = schema.columns
		.map((c) => `${typedFromText(c, textAlias(c.name))} AS ${typedAlias(c.name)}`)
		.join(', ');
	// Duplicate keys through an aggregate (cheap: few keys repeat) rather than a window over every row.
	const keys = schema.key.map((k, i) => ({ column: sqlIdent(k), alias: `key__${i}` }));
	const firstLine = keys.length > 0 ? ', d.first__line' : '';
	const duplicates =
		keys.length > 0
			? ` LEFT JOIN (SELECT ${keys.map((k) => `${text(k.column)} AS ${k.alias}`).join(', ')}, min(line) AS first__line FROM ${sqlIdent(table)} GROUP BY ALL HAVING count(*) > 1) d ON ${keys.map((k) => `${text(`t.${k.column}`)} IS NOT DISTINCT FROM d.${k.alias}`).join(' AND ')}`
			: '';
	const rows = (where: string) => `(
	SELECT *, ${typedColumns}
	FROM (SELECT t.*, ${textColumns}${firstLine} FROM ${sqlIdent(table)} t${duplicates}${where})
)`;
	return { checks, rows };
}

/** The columns of {@link checkedRowsSql} that say whether a row has a decimal cell written with a comma, or with a point. */
export const DECIMAL_MARKS = { comma: 'decimal__comma', point: 'decimal__point' } as const;

/** SQL that is true when the text `v` is a number with a decimal point ("4.4"; the pattern only where there is a point). */
export function decimalPointSql(v: string): string {
	return `contains(${v}, '.') AND regexp_full_match(${v}, '-?\\d+\\.\\d+')`;
}

/**
 * SQL yielding every row of `table` once, checked: its `line`, each column's typed value
 * (named as the column), `bad`, true when any check fails, and for a schema with decimal columns the
 * {@link DECIMAL_MARKS} of the row. All checks run in this single scan, each
 * cell trimmed and typed once; the clean rows are what remains of its result. The `identifier` is
 * protected in the same pass: its typed value is not among the columns, replaced by its keyed pseudonym
 * `pseudoniem` (first, with the parameters of pseudonymParameters) or left out. Which checks a bad row
 * fails is {@link problemsSql}: almost every row is valid, so that query runs only when one is not.
 * The rows come in the order of `table` whenever the plan keeps it (a scan, an order-keeping join and
 * a projection on one thread), with no sort: the caller checks that (line = rowid + 2) and sorts by
 * line only when it does not hold, because sorting every row costs a tenth to a fifth of the checks.
 */
export function checkedRowsSql(options: CheckedSourceOptions & { identifier?: Identifier }): string {
	const { schema, identifier } = options;
	const { checks, rows } = checkedSource(options);
	const typed = schema.columns
		.filter((c) => c.name !== identifier?.column)
		.map((c) => `${typedAlias(c.name)} AS ${sqlIdent(c.name)}`)
		.join(', ');
	const pseudonym =
		identifier?.rule === 'pseudonymise'
			? `${pseudonymSql(`typed__${identifier.column}`)} AS pseudoniem, `
			: '';
	// How the row's decimal cells are written, found in the same scan: a file may not mix the two. A
	// test per cell for the comma (nearly free beside the typing, which tests the same); for the point,
	// one string per row, the cells tested one by one only where the row has a point at all, and nothing
	// when the file has no point (a fifth of a survey file's checks).
	const decimals = schema.columns.filter((c) => c.type === 'decimal').map((c) => textAlias(c.name));
	const point =
		options.points === false
			? 'false'
			: `contains(concat_ws(';', ${decimals.join(', ')}), '.') AND (${decimals.map(decimalPointSql).join(' OR ')})`;
	const marks =
		decimals.length > 0
			? `,\n\t(${decimals.map((d) => `contains(${d}, ',')`).join(' OR ')}) AS ${DECIMAL_MARKS.comma},\n\t${point} AS ${DECIMAL_MARKS.point}`
			: '';
	return `SELECT ${pseudonym}line, ${typed},
	coalesce(${checks.map((c) => `(${c.when})`).join(' OR ')}, false) AS bad${marks}
FROM ${rows('')}${pseudonym ? `, ${PSEUDONYM_PADS}` : ''}`;
}

/**
 * SQL yielding one row (line, column_number, column_name, value, message) per failed check of the rows
 * of `table` on the `lines` (an SQL list or subquery), with the same checks as {@link checkedRowsSql}:
 * a duplicate still refers to the first line of its key in the whole file.
 */
export function problemsSql(options: CheckedSourceOptions & { lines: string }): string {
	const { checks, rows } = checkedSource(options);
	const list = checks
		.map(
			(c) =>
				`CASE WHEN ${c.when} THEN {'column_number': ${c.columnNumber}, 'column_name': ${sqlString(c.columnName)}, 'value': CAST(${c.value} AS VARCHAR), 'message': CAST(${c.message} AS VARCHAR)} END`
		)
		.join(',\n\t\t');
	return `SELECT line, f.column_number AS column_number, f.column_name AS column_name, f.value AS value, f.message AS message
FROM (
	SELECT line, unnest(list_filter([
		${list}
	], x -> x IS NOT NULL)) AS f
	FROM ${rows(` WHERE t.line IN (${options.lines})`)}
)`;
}

/** The column names of a schema, in file order: the header of its CSV, the columns of its rows. */
export function columnsOf<S extends { columns: readonly { name: string }[] }>(
	schema: S
): S['columns'][number]['name'][] {
	return schema.columns.map((c) => c.name);
}
