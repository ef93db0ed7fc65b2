import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import type { Manifest } from '../../../src/lib/db/manifest';
import { formatIssue, PipelineError, refuseFile, type RowIssue } from '../../errors';

/** CBS's list of gemeenten with their province, saved as CSV: `<raw>/cbs/gemeenten-alfabetisch.csv`. */
export const GEMEENTEN_FILE = 'gemeenten-alfabetisch.csv';

/** A gemeente and its province, as CBS's gemeentelijke indeling lists it. */
export interface CbsGemeente {
	/** GMnnnn */
	code: string;
	name: string;
	/** PVnn */
	provinceCode: string;
	province: string;
}

const HELP =
	'download "Gemeenten alfabetisch" bij de gemeentelijke indeling van CBS (cbs.nl) en sla het op als CSV met de kolommen Gemeentecode, GemeentecodeGM, Gemeentenaam, Provinciecode, ProvinciecodePV en Provincienaam; zie docs/aanleverformaat.md';

/** The columns Koers reads, with the header names CBS uses (lower case, the preferred first). */
const COLUMNS = {
	code: { label: 'GemeentecodeGM', names: ['gemeentecodegm', 'gemeentecode'] },
	name: { label: 'Gemeentenaam', names: ['gemeentenaam'] },
	provinceCode: { label: 'ProvinciecodePV', names: ['provinciecodepv', 'provinciecode'] },
	province: { label: 'Provincienaam', names: ['provincienaam'] }
} as const;

/**
 * Reads CBS's "Gemeenten alfabetisch" list (`;` or `,` separated, as Excel saves it) when it is
 * delivered; null when it is not. A missing column is refused naming the file; a bad code, a missing
 * province or a gemeente listed twice is refused naming the file, the line and the column.
 */
export function readCbsGemeenten(
	raw: string
): { gemeenten: CbsGemeente[]; source: Manifest['sources'][number] } | null {
	const path = join(raw, 'cbs', GEMEENTEN_FILE);
	if (!existsSync(path)) return null;
	const file = relative(process.cwd(), path);
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const header = text.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = header.includes(';') ? ';' : ',';
	const rows = dsvFormat(delimiter).parseRows(text);
	const names = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
	const at = Object.fromEntries(
		Object.entries(COLUMNS).map(([k, c]) => [
			k,
			// The first name present wins: GemeentecodeGM before the bare Gemeentecode.
			c.names.map((n) => names.indexOf(n)).find((x) => x >= 0) ?? -1
		])
	) as Record<keyof typeof COLUMNS, number>;
	const missing = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
		.filter((k) => at[k] < 0)
		.map((k) => COLUMNS[k].label);
	if (missing.length > 0) refuseFile(file, `kolom ${missing.join(', ')} ontbreekt: ${HELP}`, 1);
	const issues: RowIssue[] = [];
	const seen = new Map<string, number>();
	const gemeenten: CbsGemeente[] = [];
	rows.slice(1).forEach((row, i) => {
		const line = i + 2;
		if (row.every((c) => c.trim() === '')) return;
		const cell = (k: keyof typeof at) => (row[at[k]] ?? '').trim();
		const problem = (k: keyof typeof at, message: string) =>
			issues.push({
				file,
				line,
				column: at[k] + 1,
				columnName: rows[0]![at[k]]!.trim(),
				value: cell(k),
				message
			});
		const digits = cell('code').replace(/^GM/i, '');
		const pv = cell('provinceCode').replace(/^PV/i, '');
		if (!/^\d{1,4}$/.test(digits)) return problem('code', 'geen CBS-gemeentecode (GMnnnn of nnnn)');
		if (!/^\d{2}$/.test(pv)) return problem('provinceCode', 'geen CBS-provinciecode (PVnn of nn)');
		if (!cell('name')) return problem('name', 'de naam van de gemeente ontbreekt');
		if (!cell('province')) return problem('province', 'de naam van de provincie ontbreekt');
		const code = `GM${digits.padStart(4, '0')}`;
		if (seen.has(code)) return problem('code', `${code} staat al op regel ${seen.get(code)}`);
		seen.set(code, line);
		gemeenten.push({ code, name: cell('name'), provinceCode: `PV${pv}`, province: cell('province') });
	});
	if (issues.length > 0)
		throw new PipelineError(
			`${file}: ${issues.length} fout(en) in de lijst van gemeenten, er is niets gepubliceerd:\n${issues
				.slice(0, 10)
				.map((x) => `  - ${formatIssue(x)}`)
				.join('\n')}`,
			issues
		);
	return {
		gemeenten,
		source: {
			file,
			rows: gemeenten.length,
			published: gemeenten.length,
			quarantined: 0,
			sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
			format: 'CBS-lijst gemeenten (CSV)'
		}
	};
}
