import { sqlIdent, sqlString } from '../../src/lib/db/query';

/** One column of an input file: its name, meaning, and what a valid value is. */
export type ColumnSpec = { name: string; description: string; required: boolean } & (
	| { type: 'text'; pattern?: string; hint?: string }
	| { type: 'code'; codes: readonly string[] }
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
export interface RowRule {
	column: string;
	/** SQL condition, over typed columns, that is true for a bad row */
	failsWhen: string;
	message: string;
}

/** The schema of one input file. */
export interface FileSchema {
	/** name of the source kind, used for the warehouse table */
	name: string;
	title: string;
	columns: ColumnSpec[];
	rules: RowRule[];
	/** columns that together identify a row; a repeat is quarantined as a duplicate */
	key: string[];
}

/** SQL that turns a raw text cell into its typed value (NULL when empty or unparseable). */
export function typedSql(spec: ColumnSpec, cell = sqlIdent(spec.name)): string {
	const text = `nullif(trim(${cell}), '')`;
	switch (spec.type) {
		case 'text':
		case 'code':
		case 'reference':
			return text;
		case 'date':
			// Dutch exports write dd-mm-jjjj; ISO jjjj-mm-dd is accepted too.
			return `CAST(coalesce(try_strptime(${text}, '%d-%m-%Y'), try_strptime(${text}, '%Y-%m-%d')) AS DATE)`;
		case 'integer':
			return `try_cast(${text} AS INTEGER)`;
		case 'decimal':
			// Decimal comma ("4,4") or point ("4.4"); with a comma, dots are thousands separators.
			return `try_cast(CASE WHEN contains(${text}, ',') THEN replace(replace(${text}, '.', ''), ',', '.') ELSE ${text} END AS DOUBLE)`;
		case 'boolean':
			return `CASE lower(${text}) WHEN 'ja' THEN true WHEN 'nee' THEN false END`;
	}
}

/** SQL yielding one row (line, column, value, message) per invalid cell of `table`. */
export function cellChecksSql(options: {
	schema: FileSchema;
	table: string;
	columnNumbers: Map<string, number>;
}): string {
	const { schema, table, columnNumbers } = options;
	const parts: string[] = [];
	for (const spec of schema.columns) {
		const cell = sqlIdent(spec.name);
		const text = `nullif(trim(${cell}), '')`;
		const typed = typedSql(spec);
		const conditions: [string, string][] = [];
		if (spec.required) conditions.push([`${text} IS NULL`, `'verplicht veld is leeg: vul een waarde in'`]);
		const present = `${text} IS NOT NULL`;
		switch (spec.type) {
			case 'text':
				if (spec.pattern) {
					conditions.push([
						`${present} AND NOT regexp_full_match(${text}, ${sqlString(spec.pattern)})`,
						`'ongeldige waarde "' || ${text} || '": verwacht ${spec.hint ?? spec.pattern}'`
					]);
				}
				break;
			case 'code':
				conditions.push([
					`${present} AND ${text} NOT IN (${spec.codes.map(sqlString).join(', ')})`,
					`'onbekende code "' || ${text} || '": kies uit ${spec.codes.join(', ')}'`
				]);
				break;
			case 'reference':
				conditions.push([
					`${present} AND ${text} NOT IN (SELECT ${sqlIdent(spec.column)} FROM ${sqlIdent(spec.table)})`,
					`'onbekende ${spec.hint} "' || ${text} || '": gebruik een code uit de CBS-gebiedsindeling'`
				]);
				break;
			case 'date':
				conditions.push([
					`${present} AND ${typed} IS NULL`,
					`'ongeldige datum "' || ${text} || '": verwacht dd-mm-jjjj'`
				]);
				conditions.push([
					`${typed} > current_date`,
					`'datum "' || ${text} || '" ligt in de toekomst: controleer de datum of de exportdatum'`
				]);
				break;
			case 'integer':
			case 'decimal':
				conditions.push([
					`${present} AND ${typed} IS NULL`,
					`'ongeldig getal "' || ${text} || '": verwacht ${spec.type === 'integer' ? 'een geheel getal' : 'een getal met decimale komma'}'`
				]);
				conditions.push([
					`${typed} NOT BETWEEN ${spec.min} AND ${spec.max}`,
					`'waarde "' || ${text} || '" valt buiten het bereik ${spec.min} tot en met ${spec.max}'`
				]);
				break;
			case 'boolean':
				conditions.push([
					`${present} AND ${typed} IS NULL`,
					`'ongeldige waarde "' || ${text} || '": verwacht ja of nee'`
				]);
				break;
		}
		const number = columnNumbers.get(spec.name) ?? 0;
		for (const [when, message] of conditions) {
			parts.push(
				`SELECT line, ${number} AS column_number, ${sqlString(spec.name)} AS column_name, ${cell} AS value, ${message} AS message FROM ${sqlIdent(table)} WHERE ${when}`
			);
		}
	}
	// A sum row from a spreadsheet ("Totaal") is not a registration.
	const first = schema.columns[0]!.name;
	const allCells = `lower(concat_ws(';', ${schema.columns.map((c) => `trim(${sqlIdent(c.name)})`).join(', ')}))`;
	parts.push(
		`SELECT line, ${columnNumbers.get(first) ?? 1}, ${sqlString(first)}, ${sqlIdent(first)}, 'totaalregel: een regel met "Totaal" hoort niet in de export; verwijder deze regel' FROM ${sqlIdent(table)} WHERE regexp_matches(${allCells}, '(^|;)(sub)?totaa?l\\b')`
	);
	if (schema.key.length > 0) {
		const keys = schema.key.map((k) => `trim(${sqlIdent(k)})`).join(', ');
		parts.push(
			`SELECT line, ${columnNumbers.get(schema.key[0]!) ?? 0}, ${sqlString(schema.key[0]!)}, NULL, 'dubbele regel: dezelfde ${schema.key.join(', ')} als regel ' || first_line || '; verwijder een van beide' FROM (SELECT line, min(line) OVER (PARTITION BY ${keys}) AS first_line FROM ${sqlIdent(table)}) WHERE line > first_line`
		);
	}
	for (const rule of schema.rules) {
		const typedColumns = schema.columns.map((c) => `${typedSql(c)} AS ${sqlIdent(c.name)}`).join(', ');
		const number = columnNumbers.get(rule.column) ?? 0;
		parts.push(
			`SELECT line, ${number}, ${sqlString(rule.column)}, NULL, ${sqlString(rule.message)} FROM (SELECT line, ${typedColumns} FROM ${sqlIdent(table)}) WHERE ${rule.failsWhen}`
		);
	}
	return parts.join('\nUNION ALL\n');
}
