import { writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IWMO_CATEGORIES } from '../sources/messages/iwmo';
import { IJW_VERWIJZER_TYPES } from '../sources/messages/ijw';
import type { VERWIJZERS } from '../../src/lib/schemas/jeugd';

/**
 * Writes iWmo and iJw release 3.2 messages (301 toewijzing, 305 start zorg, 307 stop zorg and, for
 * iJw, 315 verzoek om toewijzing with the verwijzer) for the rows of a WMO or jeugdhulp CSV export,
 * so the message path can be checked against the CSV path on the same registrations. Every message
 * is valid against the XSD of its release. The messages exercise the rules the reader applies: an
 * earlier version of a toewijzing that a later one replaces, an intrekking (a toewijzing that never
 * started), a planned end after the delivery date, and a verwijzer only through a JW315.
 */

type Row = Record<string, string>;

interface Standard {
	name: 'iwmo' | 'ijw';
	prefix: 'wmo' | 'jw';
	codes: Record<'301' | '305' | '307' | '315', string>;
}
const IWMO: Standard = {
	name: 'iwmo',
	prefix: 'wmo',
	codes: { 301: '414', 305: '418', 307: '420', 315: '444' }
};
const IJW: Standard = {
	name: 'ijw',
	prefix: 'jw',
	codes: { 301: '436', 305: '438', 307: '440', 315: '446' }
};

/** iWmo reden beëindiging codes (WMO588, release 3.2); a CSV code outside the list is sent as 19. */
const WMO_REASONS = new Set(['02', '19', '20', '21', '22', '23', '31', '36', '37', '38', '39']);

/** The CSV's date (dd-mm-jjjj or jjjj-mm-dd) as ISO. */
const iso = (date: string) => (/^\d{4}-/.test(date) ? date : date.split('-').reverse().join('-'));

/** A nine-digit number that passes the BSN elfproef, one per client, deterministic from its index. */
function syntheticBsn(index: number): string {
	// Two eight-digit prefixes per index: when the first has no valid check digit, the next has one.
	for (const prefix of [10_000_000 + index * 2, 10_000_000 + index * 2 + 1]) {
		const digits = String(prefix).split('').map(Number);
		const check = digits.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
		if (check < 10) return `${prefix}${check}`;
	}
	throw new Error('unreachable: one of two consecutive prefixes has a check digit');
}

/** A birth date that puts a client in an age band (its lower bound or one more) at the start date. */
function birthFor(band: string, start: string): string {
	const lower = Number(band.split(/[-+]/)[0]);
	return `${Number(start.slice(0, 4)) - lower - 1}-07-01`;
}

function header(
	s: Standard,
	kind: keyof Standard['codes'],
	id: string,
	dagtekening: string,
	gemeente: string
) {
	const p = `${s.prefix}${kind}`;
	const [from, to] = kind === '301' ? [gemeente, '12345678'] : ['12345678', gemeente];
	return `<${p}:Header><${p}:BerichtCode>${s.codes[kind]}</${p}:BerichtCode><${p}:BerichtVersie>3</${p}:BerichtVersie><${p}:BerichtSubversie>2</${p}:BerichtSubversie><${p}:Afzender>${from}</${p}:Afzender><${p}:Ontvanger>${to}</${p}:Ontvanger><${p}:BerichtIdentificatie><${s.name}:Identificatie>${id}</${s.name}:Identificatie><${s.name}:Dagtekening>${dagtekening}</${s.name}:Dagtekening></${p}:BerichtIdentificatie><${p}:XsdVersie><${s.name}:BasisschemaXsdVersie>1.0.0</${s.name}:BasisschemaXsdVersie><${s.name}:BerichtXsdVersie>1.0.0</${s.name}:BerichtXsdVersie></${p}:XsdVersie></${p}:Header>`;
}

function message(s: Standard, kind: keyof Standard['codes'], head: string, client: string): string {
	const p = `${s.prefix}${kind}`;
	return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}:Bericht xmlns:${p}="http://www.istandaarden.nl/${s.name}/3_2/${p}/schema" xmlns:${s.name}="http://www.istandaarden.nl/${s.name}/3_2/basisschema/schema">\n${head}\n${client}\n</${p}:Bericht>\n`;
}

function person(s: Standard, p: string, bsn: string, birth: string, full: boolean): string {
	const n = s.name;
	const naam = full
		? `<${p}:Naam><${n}:Geslachtsnaam><${n}:Achternaam>Voorbeeld</${n}:Achternaam></${n}:Geslachtsnaam><${n}:Voorletters>A</${n}:Voorletters><${n}:NaamGebruik>1</${n}:NaamGebruik></${p}:Naam>`
		: `<${p}:Naam><${n}:Geslachtsnaam><${n}:Achternaam>Voorbeeld</${n}:Achternaam></${n}:Geslachtsnaam><${n}:Voorletters>A</${n}:Voorletters></${p}:Naam>`;
	return `<${p}:Bsn>${bsn}</${p}:Bsn><${p}:Geboortedatum><${n}:Datum>${birth}</${n}:Datum></${p}:Geboortedatum><${p}:Geslacht>0</${p}:Geslacht>${naam}`;
}

const product = (s: Standard, category: string) =>
	`<${s.name}:Categorie>${category}</${s.name}:Categorie><${s.name}:Code>${category}A01</${s.name}:Code>`;

interface Registration {
	bsn: string;
	birth: string;
	postcode: string;
	category: string;
	start: string;
	end: string | null;
	reason: string;
	verwijzer: string | null;
}

/** The messages for a set of registrations, each handed to `emit` as file name and XML (never all in memory). */
function messagesFor(
	s: Standard,
	registrations: Registration[],
	options: { gemeente: string; deliveryDate: string },
	emit: (name: string, xml: string) => void
): number {
	let seq = 0;
	const add = (kind: keyof Standard['codes'], dagtekening: string, client: string) => {
		seq++;
		const id = `K${String(seq).padStart(9, '0')}`;
		const name = `${String(seq).padStart(7, '0')}-${s.prefix.toUpperCase()}${kind}.xml`;
		emit(name, message(s, kind, header(s, kind, id, dagtekening, options.gemeente), client));
	};
	registrations.forEach((r, i) => {
		const nummer = i + 1;
		const start = r.start;
		const ref = `R${nummer}`;
		const p301 = `${s.prefix}301`;
		const toewijzing = (issued: string, time: string, end: string | null, extra = '') =>
			`<${p301}:Client>${person(s, p301, r.bsn, r.birth, true)}<${p301}:Contactgegevens><${p301}:Contact><${p301}:Soort>01</${p301}:Soort><${p301}:Adres><${s.name}:Huis><${s.name}:Huisnummer>${(nummer % 200) + 1}</${s.name}:Huisnummer></${s.name}:Huis><${s.name}:Postcode>${r.postcode}</${s.name}:Postcode></${p301}:Adres></${p301}:Contact></${p301}:Contactgegevens><${p301}:ToegewezenProducten><${p301}:ToegewezenProduct><${p301}:ToewijzingNummer>${nummer}</${p301}:ToewijzingNummer>${r.verwijzer && r.verwijzer !== 'gemeente' ? `<${p301}:ReferentieAanbieder>${ref}</${p301}:ReferentieAanbieder>` : ''}<${p301}:Product>${product(s, r.category)}</${p301}:Product><${p301}:Toewijzingsdatum>${issued}</${p301}:Toewijzingsdatum><${p301}:Toewijzingstijd>${time}</${p301}:Toewijzingstijd><${p301}:Ingangsdatum>${start}</${p301}:Ingangsdatum>${end ? `<${p301}:Einddatum>${end}</${p301}:Einddatum>` : ''}${extra}</${p301}:ToegewezenProduct></${p301}:ToegewezenProducten></${p301}:Client>`;
		if (s.name === 'ijw' && r.verwijzer && r.verwijzer !== 'gemeente') {
			const p = `${s.prefix}315`;
			add(
				'315',
				start,
				`<${p}:Client>${person(s, p, r.bsn, r.birth, false)}<${p}:AangevraagdeProducten><${p}:AangevraagdProduct><${p}:ReferentieAanbieder>${ref}</${p}:ReferentieAanbieder><${p}:Product>${product(s, r.category)}</${p}:Product><${p}:ToewijzingIngangsdatum>${start}</${p}:ToewijzingIngangsdatum><${p}:Verwijzer><${s.name}:Type>${IJW_VERWIJZER_TYPES[r.verwijzer as (typeof VERWIJZERS)[number]]}</${s.name}:Type></${p}:Verwijzer></${p}:AangevraagdProduct></${p}:AangevraagdeProducten></${p}:Client>`
			);
		}
		// Every fifth toewijzing first went out with a planned end before the delivery date; the later
		// version (a verlenging) replaces it, so only the later one may count.
		if (nummer % 5 === 0) add('301', start, toewijzing(start, '09:00:00', start, ''));
		// A running voorziening sometimes has a planned end after the delivery date: it still runs.
		const planned =
			r.end === null && nummer % 3 === 0 ? `${Number(options.deliveryDate.slice(0, 4)) + 2}-12-31` : null;
		add('301', start, toewijzing(start, nummer % 5 === 0 ? '10:30:00' : '09:00:00', planned));
		const p305 = `${s.prefix}305`;
		add(
			'305',
			start,
			`<${p305}:Client>${person(s, p305, r.bsn, r.birth, false)}<${p305}:StartProducten><${p305}:StartProduct><${p305}:ToewijzingNummer>${nummer}</${p305}:ToewijzingNummer><${p305}:Product>${product(s, r.category)}</${p305}:Product><${p305}:ToewijzingIngangsdatum>${start}</${p305}:ToewijzingIngangsdatum><${p305}:Begindatum>${start}</${p305}:Begindatum><${p305}:StatusAanlevering>1</${p305}:StatusAanlevering></${p305}:StartProduct></${p305}:StartProducten></${p305}:Client>`
		);
		if (r.end) {
			const p307 = `${s.prefix}307`;
			const reason = s.name === 'iwmo' ? (WMO_REASONS.has(r.reason) ? r.reason : '19') : '20';
			add(
				'307',
				r.end,
				`<${p307}:Client>${person(s, p307, r.bsn, r.birth, false)}<${p307}:StopProducten><${p307}:StopProduct><${p307}:ToewijzingNummer>${nummer}</${p307}:ToewijzingNummer><${p307}:Product>${product(s, r.category)}</${p307}:Product><${p307}:ToewijzingIngangsdatum>${start}</${p307}:ToewijzingIngangsdatum><${p307}:Begindatum>${start}</${p307}:Begindatum><${p307}:RedenBeeindiging>${reason}</${p307}:RedenBeeindiging><${p307}:Einddatum>${r.end}</${p307}:Einddatum><${p307}:StatusAanlevering>1</${p307}:StatusAanlevering></${p307}:StopProduct></${p307}:StopProducten></${p307}:Client>`
			);
		}
		// Now and then a toewijzing is withdrawn before care started (administratieve correctie).
		if (nummer % 50 === 0) {
			const n2 = registrations.length + nummer;
			add(
				'301',
				start,
				toewijzing(start, '11:00:00', start, `<${p301}:RedenWijziging>01</${p301}:RedenWijziging>`).replace(
					`<${p301}:ToewijzingNummer>${nummer}<`,
					`<${p301}:ToewijzingNummer>${n2}<`
				)
			);
		}
	});
	return seq;
}

/** Parses a `;`-separated CSV export into rows keyed by header. */
function parseCsv(text: string): Row[] {
	const [head, ...lines] = text
		.replace(/^\uFEFF/, '')
		.trim()
		.split(/\r?\n/);
	const names = head!.split(';');
	return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [names[i]!, v])));
}

/**
 * A postcode per buurt (fictitious, four digits and two letters), and the postcode_buurt.csv for
 * them; buurten already in the table keep theirs, so one table serves the iWmo and the iJw folder.
 */
function postcodesFor(buurten: string[], existing: string): { postcode: (b: string) => string; csv: string } {
	// Postcodes already handed out keep their buurt (messages written before carry them); new buurten
	// get the next free ones, in code order.
	const table = new Map<string, string>();
	for (const line of existing.split(/\r?\n/).slice(1)) {
		const [pc, b] = line.split(';');
		if (pc && b) table.set(b, pc);
	}
	const next = () => {
		const i = table.size;
		return `${8000 + Math.floor(i / 26)}${String.fromCharCode(65 + (i % 26))}Z`;
	};
	for (const b of [...new Set(buurten)].sort()) if (!table.has(b)) table.set(b, next());
	return {
		postcode: (b) => table.get(b)!,
		csv: ['postcode;buurtcode', ...[...table].map(([b, pc]) => `${pc};${b}`)].join('\n') + '\n'
	};
}

/** The WMO rows that messages can carry (zorg in natura: a pgb is not in iWmo traffic). */
export function wmoRowsInMessages(csv: string): Row[] {
	return parseCsv(csv).filter((r) => r['leveringsvorm'] === 'ZIN' && IWMO_CATEGORY_OF[r['voorziening']!]);
}

const IWMO_CATEGORY_OF = Object.fromEntries(
	Object.entries(IWMO_CATEGORIES).map(([c, v]) => [v, c])
) as Record<string, string>;

/** Writes the message folder and postcode table for a WMO or jeugdhulp CSV export into `dir`. */
export async function writeMessages(options: {
	standard: 'iwmo' | 'ijw';
	csv: string;
	dir: string;
	postcodeFile: string;
	gemeente: string;
	deliveryDate: string;
}): Promise<{ files: number; registrations: number }> {
	const rows = options.standard === 'iwmo' ? wmoRowsInMessages(options.csv) : parseCsv(options.csv);
	const existing = await readFile(options.postcodeFile, 'utf8').catch(() => '');
	const { postcode, csv } = postcodesFor(
		rows.map((r) => r['buurtcode']!),
		existing
	);
	const bsn = new Map<string, string>();
	const registrations: Registration[] = rows.map((r) => {
		const client = r['clientnummer']!;
		if (!bsn.has(client)) bsn.set(client, syntheticBsn(bsn.size));
		const start = iso(r['startdatum']!);
		return {
			bsn: bsn.get(client)!,
			birth: birthFor(r['leeftijdsklasse']!, start),
			postcode: postcode(r['buurtcode']!),
			category: options.standard === 'iwmo' ? IWMO_CATEGORY_OF[r['voorziening']!]! : r['productcategorie']!,
			start,
			end: r['einddatum'] ? iso(r['einddatum']) : null,
			reason: r['reden_beeindiging'] ?? '',
			verwijzer: r['verwijzer'] ?? null
		};
	});
	await mkdir(options.dir, { recursive: true });
	const files = messagesFor(
		options.standard === 'iwmo' ? IWMO : IJW,
		registrations,
		{ gemeente: options.gemeente.replace(/^GM/, ''), deliveryDate: options.deliveryDate },
		(name, xml) => writeFileSync(join(options.dir, name), xml)
	);
	await writeFile(options.postcodeFile, csv);
	return { files, registrations: registrations.length };
}
