import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import { formatIssue, PipelineError, refuseFile, type RowIssue } from '../../errors';
import { REGION_LISTS_FOLDER } from './regions';
import { GEBIEDEN_EDITIONS, type GebiedenEdition } from './tables';

/** A gemeente as CBS's "Gebieden in Nederland" describes it. */
export interface CbsGebied {
	code: string;
	name: string;
	province: string;
	/** CBS's gemeentegrootte (1 minder dan 5.000 … 8 250.000 of meer) */
	sizeClass: number;
	inhabitants: number | null;
}

/**
 * The newest edition of "Gebieden in Nederland" among the region lists of a delivery: every gemeente
 * of that year's indeling with its province, CBS's own size class and inhabitants. Null when none is
 * delivered. A gemeente without a GM code, province or size class is refused with file, line and value.
 */
export function readCbsGebieden(
	cbsDir: string
): { edition: GebiedenEdition; file: string; gemeenten: CbsGebied[] } | null {
	const dir = join(cbsDir, REGION_LISTS_FOLDER);
	if (!existsSync(dir)) return null;
	const names = readdirSync(dir);
	const found = [...GEBIEDEN_EDITIONS]
		.sort((a, b) => b.year - a.year)
		.flatMap((edition) => {
			const name = names.find((n) => n.startsWith(edition.id) && n.toLowerCase().endsWith('.csv'));
			return name ? [{ edition, path: join(dir, name) }] : [];
		})[0];
	if (!found) return null;
	const { edition, path } = found;
	const file = relative(process.cwd(), path);
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const [header = [], ...body] = dsvFormat(';').parseRows(text);
	const keys = header.map((h) => h.trim());
	const at = Object.fromEntries(
		Object.entries(edition.columns).map(([k, key]) => [k, keys.indexOf(key)])
	) as Record<keyof GebiedenEdition['columns'], number>;
	const missing = Object.values(edition.columns).filter((key) => !keys.includes(key));
	if (missing.length > 0 || !keys.includes('RegioS'))
		refuseFile(
			file,
			`kolom ${[...missing, 'RegioS'].join(', ')} ontbreekt: dit is niet de editie ${edition.id} van Gebieden in Nederland`,
			1
		);
	const issues: RowIssue[] = [];
	const gemeenten: CbsGebied[] = [];
	body.forEach((row, i) => {
		if (row.every((c) => c.trim() === '')) return;
		const cell = (k: keyof typeof at) => (row[at[k]] ?? '').trim();
		const bad = (k: keyof typeof at, message: string) =>
			issues.push({
				file,
				line: i + 2,
				column: at[k] + 1,
				columnName: edition.columns[k],
				value: cell(k),
				message
			});
		if (!/^GM\d{4}$/.test(cell('code'))) return bad('code', 'geen CBS-gemeentecode (GMnnnn)');
		if (!/^PV\d{2}$/.test(cell('provinceCode'))) return bad('provinceCode', 'geen CBS-provinciecode (PVnn)');
		if (!/^[1-8]$/.test(cell('sizeClass')))
			return bad('sizeClass', 'geen CBS-gemeentegrootte (1 tot en met 8)');
		const inhabitants = Number(cell('inhabitants'));
		gemeenten.push({
			code: cell('code'),
			name: (row[keys.indexOf('RegioS')] ?? '').trim(),
			province: cell('province'),
			sizeClass: Number(cell('sizeClass')),
			inhabitants: cell('inhabitants') !== '' && Number.isFinite(inhabitants) ? inhabitants : null
		});
	});
	if (issues.length > 0)
		throw new PipelineError(
			`${file}: ${issues.length} fout(en) in Gebieden in Nederland, er is niets gepubliceerd:\n${issues
				.slice(0, 10)
				.map((x) => `  - ${formatIssue(x)}`)
				.join('\n')}`,
			issues
		);
	return { edition, file, gemeenten };
}
