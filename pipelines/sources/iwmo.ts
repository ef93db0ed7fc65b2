import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Voorziening } from '../../src/lib/measures/tables';
import type { RowIssue } from '../errors';
import { PipelineError } from '../errors';
import { WMO_HEADER } from '../synth/index';

/** iWmo productcategorie (WMO020) → the local voorziening Koers counts; others are not maatwerk kinds it tracks. */
export const IWMO_CATEGORIES: Record<string, Voorziening> = {
	'01': 'HH',
	'02': 'IB',
	'04': 'KV',
	'07': 'DB',
	'11': 'RS',
	'12': 'VV',
	'13': 'WV',
	'15': 'BW'
};

const parser = new XMLParser({
	removeNSPrefix: true,
	parseTagValue: false,
	isArray: (name) => ['Client', 'Adres', 'ToegewezenProduct', 'StopProduct', 'StartProduct'].includes(name)
});

type Node = Record<string, unknown>;
const text = (v: unknown): string | null =>
	v === undefined || v === null || v === ''
		? null
		: typeof v === 'object'
			? text((v as Node)['Datum'])
			: String(v).trim();
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

interface Toewijzing {
	client: string;
	postcode: string | null;
	birth: string | null;
	category: string;
	product: string;
	start: string;
	plannedEnd: string | null;
	issued: string;
	source: string;
}

/** Age band of the WMO export on a date, from a birth date (both ISO). */
function ageBand(birth: string | null, on: string): string {
	if (!birth) return '';
	const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
	const [y, m, d] = on.split('-').map(Number) as [number, number, number];
	const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
	return age < 18
		? '0-17'
		: age < 45
			? '18-44'
			: age < 65
				? '45-64'
				: age < 75
					? '65-74'
					: age < 85
						? '75-84'
						: '85+';
}

const ddmmyyyy = (iso: string | null) => (iso ? iso.split('-').reverse().join('-') : '');

/**
 * Reads a folder of iWmo messages (WMO301 toewijzing, WMO305 start, WMO307 stop) and writes the
 * equivalent WMO export as CSV, so it passes the same checks as a delivered CSV. One row per
 * toegewezen product: the latest WMO301 version counts (a herindicatie or intrekking replaces the
 * earlier one); a WMO307 stop gives the real end and its reason; a planned end after the delivery
 * date means the voorziening still runs. The buurt comes from the BRP postcode via
 * `postcode_buurt.csv`. What cannot be mapped is reported with the message file, never dropped.
 */
export async function iwmoToCsv(options: {
	dir: string;
	file: string;
	postcodes: Map<string, string>;
	deliveryDate: string;
}): Promise<{ csvPath: string; messages: number; issues: RowIssue[]; skipped: number }> {
	const files = (await readdir(options.dir)).filter((f) => f.toLowerCase().endsWith('.xml')).sort();
	if (files.length === 0) throw new PipelineError(`${options.file}: de map bevat geen iWmo-berichten (.xml)`);
	const toewijzingen = new Map<string, Toewijzing>();
	const stops = new Map<string, { end: string; reason: string | null }>();
	const issues: RowIssue[] = [];
	for (const f of files) {
		const source = `${options.file}/${f}`;
		let doc: Node;
		try {
			doc = parser.parse(await readFile(join(options.dir, f), 'utf8')) as Node;
		} catch (cause) {
			throw new PipelineError(`${source}: geen geldig XML-bericht (${(cause as Error).message})`, [], {
				cause
			});
		}
		const bericht = doc['Bericht'] as Node | undefined;
		const code = text(
			((bericht?.['Header'] as Node | undefined)?.['Berichtspecificatie'] as Node | undefined)?.['Code']
		);
		for (const client of list((bericht?.['Clienten'] as Node | undefined)?.['Client'])) {
			const id = text(client['Bsn']) ?? text(client['Clientnummer']);
			if (!id) {
				issues.push({
					file: source,
					line: null,
					column: null,
					columnName: 'Bsn',
					value: null,
					message: 'cliënt zonder Bsn of Clientnummer'
				});
				continue;
			}
			const brp =
				list((client['Adressen'] as Node | undefined)?.['Adres']).find((a) => text(a['Soort']) === '01') ??
				list((client['Adressen'] as Node | undefined)?.['Adres'])[0];
			// Adres holds an Adres: the outer is the address entry (with Soort), the inner the address itself.
			const postcode = text(list(brp?.['Adres'])[0]?.['Postcode']);
			const beschikking = client['Beschikking'] as Node | undefined;
			for (const p of list(
				(beschikking?.['ToegewezenProducten'] as Node | undefined)?.['ToegewezenProduct']
			)) {
				const product = p['Product'] as Node;
				const t: Toewijzing = {
					client: id,
					postcode: postcode?.replace(/\s/g, '').toUpperCase() ?? null,
					birth: text(client['Geboortedatum']),
					category: text(product['Categorie']) ?? '',
					product: text(product['Code']) ?? '',
					start: text(p['Ingangsdatum']) ?? '',
					plannedEnd: text(p['Einddatum']),
					issued: `${text(p['Toewijzingsdatum']) ?? ''}T${text(p['Toewijzingstijd']) ?? ''}`,
					source
				};
				const key = `${id}|${t.category}|${t.product}|${t.start}`;
				const known = toewijzingen.get(key);
				if (!known || known.issued <= t.issued) toewijzingen.set(key, t);
			}
			for (const s of list((client['StopProducten'] as Node | undefined)?.['StopProduct'])) {
				const product = s['Product'] as Node;
				const key = `${id}|${text(product['Categorie'])}|${text(product['Code'])}|${text(s['Ingangsdatum'])}`;
				const end = text(s['Einddatum']);
				if (end) stops.set(key, { end, reason: text(s['RedenBeeindiging']) });
			}
		}
		if (code === null)
			issues.push({
				file: source,
				line: null,
				column: null,
				columnName: null,
				value: null,
				message: 'bericht zonder Berichtspecificatie/Code'
			});
	}

	const lines = [WMO_HEADER.join(';')];
	let skipped = 0;
	for (const [key, t] of [...toewijzingen].sort(([a], [b]) => a.localeCompare(b))) {
		const voorziening = IWMO_CATEGORIES[t.category];
		const buurt = t.postcode ? options.postcodes.get(t.postcode) : undefined;
		if (!voorziening || !buurt) {
			skipped++;
			issues.push({
				file: t.source,
				line: null,
				column: null,
				columnName: voorziening ? 'Postcode' : 'Categorie',
				value: voorziening ? t.postcode : t.category,
				message: voorziening
					? `postcode ${t.postcode ?? '(leeg)'} staat niet in postcode_buurt.csv: vul de koppeltabel aan`
					: `productcategorie ${t.category} hoort niet bij de maatwerkvoorzieningen die Koers telt (${Object.keys(IWMO_CATEGORIES).join(', ')})`
			});
			continue;
		}
		const stop = stops.get(key);
		// A planned end after the delivery date means the voorziening still runs on that date.
		const end = stop?.end ?? (t.plannedEnd && t.plannedEnd <= options.deliveryDate ? t.plannedEnd : null);
		lines.push(
			[
				t.client,
				buurt,
				ageBand(t.birth, t.start),
				voorziening,
				'ZIN',
				ddmmyyyy(t.start),
				ddmmyyyy(end),
				stop?.reason ?? ''
			].join(';')
		);
	}
	const dir = await mkdtemp(join(tmpdir(), 'koers-iwmo-'));
	const csvPath = join(dir, 'wmo_voorzieningen.csv');
	await writeFile(csvPath, lines.join('\r\n') + '\r\n', { mode: 0o600 }); // owner-only, in an owner-only folder
	return { csvPath, messages: files.length, issues, skipped };
}

/** Reads `postcode_buurt.csv` (postcode;buurtcode), the gemeente's link from BRP postcode to CBS buurt. */
export async function readPostcodes(path: string): Promise<Map<string, string>> {
	const map = new Map<string, string>();
	const rows = (await readFile(path, 'utf8'))
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.slice(1);
	for (const row of rows) {
		const [postcode, buurt] = row.split(/[;,]/).map((c) => c.trim());
		if (postcode && buurt) map.set(postcode.replace(/\s/g, '').toUpperCase(), buurt);
	}
	return map;
}
