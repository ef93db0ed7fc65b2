import { XMLParser } from 'fast-xml-parser';
import type { RowIssue } from '../../errors';
import { onOrBefore } from '../iso-date';

/**
 * Release 3.2 of iWmo and iJw: one client per message; a toewijzing (301) carries a
 * ToewijzingNummer that the start (305) and stop (307) messages refer to; a verzoek om toewijzing
 * (315, iJw) carries the verwijzer, linked to the toewijzing through the ReferentieAanbieder.
 * Both standards share these structures, so one reader serves both.
 */

const parser = new XMLParser({
	removeNSPrefix: true,
	parseTagValue: false,
	isArray: (name) =>
		['Contact', 'ToegewezenProduct', 'StartProduct', 'StopProduct', 'AangevraagdProduct'].includes(name)
});

type Node = Record<string, unknown>;
const text = (v: unknown): string | null =>
	v === undefined || v === null || v === '' || typeof v === 'object' ? null : String(v).trim();
const child = (v: unknown, name: string): Node | undefined =>
	(v as Node | undefined)?.[name] as Node | undefined;
const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

interface ProductRef {
	nummer: string | null;
	category: string;
	code: string | null;
	toewijzingIngang: string | null;
}

/** What Koers takes from one message; names follow the standard's elements. */
export interface Message32 {
	source: string;
	number: string;
	identificatie: string;
	afzender: string;
	dagtekening: string;
	bsn: string;
	birth: string | null;
	postcode: string | null;
	toewijzingen: (ProductRef & {
		nummer: string;
		referentie: string | null;
		issued: string;
		start: string;
		plannedEnd: string | null;
		redenWijziging: string | null;
	})[];
	starts: (ProductRef & { begin: string; status: string })[];
	stops: (ProductRef & { begin: string; end: string; reason: string; status: string })[];
	verzoeken: { referentie: string; category: string | null; verwijzer: string | null }[];
}

function productRef(p: Node): ProductRef {
	const product = child(p, 'Product');
	return {
		nummer: text(p['ToewijzingNummer']),
		category: text(product?.['Categorie']) ?? '',
		code: text(product?.['Code']),
		toewijzingIngang: text(p['ToewijzingIngangsdatum'])
	};
}

/** Reads one message that already passed its XSD (so every mandatory element is there). */
export function readMessage32(xml: string, source: string, number: string): Message32 {
	const bericht = (parser.parse(xml) as Node)['Bericht'] as Node;
	const head = child(bericht, 'Header');
	const client = child(bericht, 'Client');
	const brp =
		list(child(client, 'Contactgegevens')?.['Contact']).find((c) => text(c['Soort']) === '01') ??
		list(child(client, 'Contactgegevens')?.['Contact'])[0];
	return {
		source,
		number,
		identificatie: text(child(head, 'BerichtIdentificatie')?.['Identificatie']) ?? '',
		afzender: text(head?.['Afzender']) ?? '',
		dagtekening: text(child(head, 'BerichtIdentificatie')?.['Dagtekening']) ?? '',
		bsn: text(client?.['Bsn']) ?? '',
		birth: text(child(client, 'Geboortedatum')?.['Datum']),
		postcode: text(child(brp, 'Adres')?.['Postcode'])?.replace(/\s/g, '').toUpperCase() ?? null,
		toewijzingen: list(child(client, 'ToegewezenProducten')?.['ToegewezenProduct']).map((p) => ({
			...productRef(p),
			nummer: text(p['ToewijzingNummer']) ?? '',
			referentie: text(p['ReferentieAanbieder']),
			issued: `${text(p['Toewijzingsdatum']) ?? ''}T${text(p['Toewijzingstijd']) ?? ''}`,
			start: text(p['Ingangsdatum']) ?? '',
			plannedEnd: text(p['Einddatum']),
			redenWijziging: text(p['RedenWijziging'])
		})),
		starts: list(child(client, 'StartProducten')?.['StartProduct']).map((p) => ({
			...productRef(p),
			begin: text(p['Begindatum']) ?? '',
			status: text(p['StatusAanlevering']) ?? '1'
		})),
		stops: list(child(client, 'StopProducten')?.['StopProduct']).map((p) => ({
			...productRef(p),
			begin: text(p['Begindatum']) ?? '',
			end: text(p['Einddatum']) ?? '',
			reason: text(p['RedenBeeindiging']) ?? '',
			status: text(p['StatusAanlevering']) ?? '1'
		})),
		verzoeken: list(child(client, 'AangevraagdeProducten')?.['AangevraagdProduct']).map((p) => ({
			referentie: text(p['ReferentieAanbieder']) ?? '',
			category: text(child(p, 'Product')?.['Categorie']),
			verwijzer: text(child(p, 'Verwijzer')?.['Type'])
		}))
	};
}

/** One toegewezen product after every message about it has been applied. */
export interface Traject {
	bsn: string;
	birth: string | null;
	postcode: string | null;
	category: string;
	code: string | null;
	/** the real start (305 Begindatum) or, without a start message, the toewijzing's Ingangsdatum */
	start: string;
	/** the real end (307), or the planned end when it lies on or before the delivery date; null = running */
	end: string | null;
	reason: string | null;
	/** the verwijzer type code of the linked 315, null without one */
	verwijzer: string | null;
	source: string;
}

/** A problem with a message, located by file and element (messages have no useful line). */
export const messageIssue = (
	file: string,
	element: string,
	value: string | null,
	message: string
): RowIssue => ({
	file,
	line: null,
	column: null,
	columnName: element.split('/').at(-1)!,
	element,
	value,
	message
});

/**
 * Applies the rules of the delivery format to the messages of one delivery, in the order of their
 * dagtekening (file name within a day):
 * - the last 301 per ToewijzingNummer counts (Toewijzingsdatum and -tijd decide); one with
 *   RedenWijziging 01 (administratieve correctie) and an Einddatum on or before its Ingangsdatum
 *   is withdrawn: it never ran;
 * - a 305 gives the real start, a 307 the real end and its reason; StatusAanlevering 3 removes an
 *   earlier 305 or 307, 2 replaces it;
 * - without a 307, a planned end on or before the delivery date ends the toewijzing; after it, the
 *   toewijzing still runs;
 * - a 305 or 307 for a toewijzing that no 301 assigned, and a stop before the start, are quarantined
 *   with the file and element.
 */
export function applyMessages(
	messages: Message32[],
	deliveryDate: string
): { trajecten: Traject[]; issues: RowIssue[]; withdrawn: number; superseded: number } {
	const ordered = [...messages].sort(
		(a, b) => a.dagtekening.localeCompare(b.dagtekening) || a.source.localeCompare(b.source)
	);
	const assigned = lastToewijzingen(ordered);
	const verwijzers = new Map<string, string | null>();
	for (const m of ordered)
		for (const v of m.verzoeken) verwijzers.set(`${m.bsn}|${v.referentie}`, v.verwijzer);
	const issues: RowIssue[] = [];
	const { starts, stops } = startsAndStops(ordered, assigned, issues);

	const trajecten: Traject[] = [];
	let withdrawn = 0;
	for (const [key, { m, t }] of [...assigned.toewijzingen].sort(([a], [b]) => a.localeCompare(b))) {
		const start = starts.get(key);
		const stop = stops.get(key);
		if (t.redenWijziging === '01' && t.plannedEnd !== null && t.plannedEnd <= t.start) {
			withdrawn++;
			if (start)
				issues.push(
					messageIssue(
						start.m.source,
						'StartProduct/Begindatum',
						start.begin,
						`start zorg bij een ingetrokken toewijzing (ToewijzingNummer ${t.nummer}, RedenWijziging 01 in ${m.source}): de gemeente en de aanbieder moeten dit rechtzetten`
					)
				);
			continue;
		}
		const begin = start?.begin ?? t.start;
		if (stop && stop.end < begin) {
			issues.push(
				messageIssue(
					stop.m.source,
					'StopProduct/Einddatum',
					stop.end,
					`einde zorg (${stop.end}) ligt vóór de start (${begin}) van ToewijzingNummer ${t.nummer}: corrigeer het stop- of startbericht`
				)
			);
			continue;
		}
		const end = stop?.end ?? (t.plannedEnd && onOrBefore(t.plannedEnd, deliveryDate) ? t.plannedEnd : null);
		trajecten.push({
			bsn: m.bsn,
			birth: m.birth,
			postcode: m.postcode,
			category: t.category,
			code: t.code,
			start: begin,
			end,
			reason: stop?.reason ?? null,
			verwijzer: t.referentie ? (verwijzers.get(`${m.bsn}|${t.referentie}`) ?? null) : null,
			source: m.source
		});
	}
	return { trajecten, issues, withdrawn, superseded: assigned.superseded };
}

const productKey = (bsn: string, category: string, code: string | null, ingang: string | null) =>
	`${bsn}|${category}|${code ?? ''}|${ingang ?? ''}`;

/** Per client and ToewijzingNummer the 301 toewijzing that counts (the latest issued), and how many were replaced. */
function lastToewijzingen(ordered: Message32[]) {
	const toewijzingen = new Map<string, { m: Message32; t: Message32['toewijzingen'][number] }>();
	// A start or stop without ToewijzingNummer names the product and its ingangsdatum instead.
	const byProduct = new Map<string, string>();
	let superseded = 0;
	for (const m of ordered) {
		for (const t of m.toewijzingen) {
			const key = `${m.bsn}|${t.nummer}`;
			const known = toewijzingen.get(key);
			if (known) superseded++;
			if (!known || known.t.issued <= t.issued) toewijzingen.set(key, { m, t });
			byProduct.set(productKey(m.bsn, t.category, t.code, t.start), key);
		}
	}
	return { toewijzingen, byProduct, superseded };
}

/**
 * The 305 start and 307 stop that count per toewijzing (StatusAanlevering 3 removes an earlier one,
 * 2 replaces it); one for a toewijzing no 301 assigned is an issue with its file and element.
 */
function startsAndStops(
	ordered: Message32[],
	assigned: ReturnType<typeof lastToewijzingen>,
	issues: RowIssue[]
) {
	const resolve = (m: Message32, p: ProductRef, element: string): string | null => {
		const key = p.nummer
			? `${m.bsn}|${p.nummer}`
			: assigned.byProduct.get(productKey(m.bsn, p.category, p.code, p.toewijzingIngang));
		if (key && assigned.toewijzingen.has(key)) return key;
		issues.push(
			messageIssue(
				m.source,
				element,
				p.nummer,
				`${element.split('/')[0]} verwijst naar een toewijzing (ToewijzingNummer ${p.nummer ?? 'leeg'}) die geen 301-bericht heeft toegewezen: lever de toewijzing mee of verwijder dit bericht`
			)
		);
		return null;
	};
	const starts = new Map<string, { begin: string; m: Message32 }>();
	const stops = new Map<string, { end: string; reason: string; m: Message32 }>();
	for (const m of ordered) {
		for (const s of m.starts) {
			const key = resolve(m, s, 'StartProduct/ToewijzingNummer');
			if (!key) continue;
			if (s.status === '3') starts.delete(key);
			else starts.set(key, { begin: s.begin, m });
		}
		for (const s of m.stops) {
			const key = resolve(m, s, 'StopProduct/ToewijzingNummer');
			if (!key) continue;
			if (s.status === '3') stops.delete(key);
			else stops.set(key, { end: s.end, reason: s.reason, m });
		}
	}
	return { starts, stops };
}

/** Age in whole years on a date, from a birth date (both ISO). */
export function ageOn(birth: string, on: string): number {
	const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
	const [y, m, d] = on.split('-').map(Number) as [number, number, number];
	return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const ddmmyyyy = (iso: string | null) => (iso ? iso.split('-').reverse().join('-') : '');
