import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import type { Voorziening } from '../../../src/lib/measures/tables';
import type { RowIssue } from '../../errors';
import { PipelineError } from '../../errors';
import { WMO_HEADER } from '../../synth/index';
import { readMessageFolder, writeConvertedCsv } from './folder';
import { ageOn, applyMessages, ddmmyyyy } from './release32';
import { onOrBefore } from '../iso-date';

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
	const age = ageOn(birth, on);
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

/** One WMO row before the buurt is looked up: what both releases give. */
interface WmoRow {
	client: string;
	postcode: string | null;
	birth: string | null;
	category: string;
	start: string;
	end: string | null;
	reason: string | null;
	source: string;
}

/**
 * Reads a folder of iWmo messages (301 toewijzing, 305 start, 307 stop) and writes the equivalent
 * WMO export as CSV, so it passes the same checks as a delivered CSV. One row per toegewezen
 * product. Release 3.2 messages are validated against their XSD and follow the rules of
 * `applyMessages`; release 2.0 messages (no schema here) follow the same rules on product and
 * ingangsdatum instead of the ToewijzingNummer. The buurt comes from the BRP postcode via
 * `postcode_buurt.csv`. What cannot be mapped is reported with the message file, never dropped.
 */
export async function iwmoToCsv(options: {
	dir: string;
	file: string;
	postcodes: Map<string, string>;
	deliveryDate: string;
}): Promise<{ csvPath: string; messages: number; issues: RowIssue[]; skipped: number; summary: string }> {
	const folder = await readMessageFolder({ dir: options.dir, file: options.file, standard: 'iwmo' });
	let rows: WmoRow[];
	let issues: RowIssue[];
	let summary: string;
	let messages: number;
	if (folder.release === '2_0') {
		({ rows, issues } = rows20(folder.files, options.deliveryDate));
		messages = folder.files.length;
		summary = `iWmo 2.0-berichten (${messages} bestanden: WMO301 toewijzing, WMO307 stop)`;
	} else {
		const applied = applyMessages(folder.messages, options.deliveryDate);
		issues = applied.issues;
		rows = applied.trajecten.map((t) => ({ ...t, client: t.bsn }));
		messages = folder.files;
		summary = `iWmo 3.2-berichten (${messages} bestanden, elk gecontroleerd tegen het XSD: WMO301 toewijzing, WMO305 start, WMO307 stop; ${applied.withdrawn} ingetrokken toewijzingen, ${applied.superseded} vervangen versies${folder.unused ? `, ${folder.unused} berichten die Koers niet gebruikt` : ''})`;
	}
	const quarantinedBefore = issues.length;
	const lines = [WMO_HEADER.join(';')];
	for (const r of rows) {
		const voorziening = IWMO_CATEGORIES[r.category];
		const buurt = r.postcode ? options.postcodes.get(r.postcode) : undefined;
		if (!voorziening || !buurt) {
			issues.push({
				file: r.source,
				line: null,
				column: null,
				columnName: voorziening ? 'Postcode' : 'Categorie',
				element: voorziening ? 'Contact/Adres/Postcode' : 'ToegewezenProduct/Product/Categorie',
				value: voorziening ? r.postcode : r.category,
				message: voorziening
					? `postcode ${r.postcode ?? '(leeg)'} staat niet in postcode_buurt.csv: vul de koppeltabel aan`
					: `productcategorie ${r.category} hoort niet bij de maatwerkvoorzieningen die Koers telt (${Object.keys(IWMO_CATEGORIES).join(', ')})`
			});
			continue;
		}
		lines.push(
			[
				r.client,
				buurt,
				ageBand(r.birth, r.start),
				voorziening,
				'ZIN',
				ddmmyyyy(r.start),
				ddmmyyyy(r.end),
				r.reason ?? ''
			].join(';')
		);
	}
	const csvPath = await writeConvertedCsv('koers-iwmo-', 'wmo_voorzieningen.csv', lines);
	return { csvPath, messages, issues, skipped: issues.length - quarantinedBefore, summary };
}

/**
 * Release 2.0: a message holds several clients (Clienten), an address list (Adressen) and a
 * Beschikking. The latest WMO301 version per client, product and ingangsdatum counts (a
 * herindicatie or intrekking replaces the earlier one); a WMO307 stop gives the real end.
 */
function rows20(
	files: { source: string; xml: string }[],
	deliveryDate: string
): { rows: WmoRow[]; issues: RowIssue[] } {
	const toewijzingen = new Map<string, Toewijzing>();
	const stops = new Map<string, { end: string; reason: string | null }>();
	const issues: RowIssue[] = [];
	for (const { source, xml } of files) {
		let doc: Node;
		try {
			doc = parser.parse(xml) as Node;
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

	const rows: WmoRow[] = [...toewijzingen]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, t]) => {
			const stop = stops.get(key);
			// A planned end after the delivery date means the voorziening still runs on that date.
			const end = stop?.end ?? (t.plannedEnd && onOrBefore(t.plannedEnd, deliveryDate) ? t.plannedEnd : null);
			return { ...t, end, reason: stop?.reason ?? null };
		});
	return { rows, issues };
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
