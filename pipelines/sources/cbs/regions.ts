import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import { refuseFile } from '../../errors';

/**
 * CBS's own region lists, delivered beside the tables in `<raw>/cbs/regiolijsten/`: what turns a
 * region title back into its code when a table was saved with titles instead of codes (cbsodata's
 * default, StatLine's "gepresenteerde" download). Three layouts are read, each as CBS publishes it:
 * - a dimension list (`Key`, `Title`, e.g. `RegioS.csv` of a table, with CBS's herindeling notes in
 *   `Description`);
 * - "Gemeenten alfabetisch" (`GemeentecodeGM`, `Gemeentenaam`) of a year;
 * - "Gebieden in Nederland" (`RegioS` title, `Code_*` and `Naam_*` of every division a gemeente belongs
 *   to): besides its gemeenten, each division's regions as CBS titles them in other tables, the name
 *   with the code's letters in brackets (`Drenthe (PV)`, `Noord-Nederland (LD)`, `Drenthe (JZ)`).
 * A title is known by all codes any list gives it; one with two codes is ambiguous and never guessed.
 */

/** Where the lists are, below a delivery's `cbs/` folder. */
export const REGION_LISTS_FOLDER = 'regiolijsten';

/** One list entry: a title and its code, and where it was read. */
interface RegionEntry {
	code: string;
	file: string;
	line: number;
}

/** The region titles of every delivered list: title → the codes it names. */
export interface RegionIndex {
	/** the list files read, in order */
	files: string[];
	byTitle: Map<string, RegionEntry[]>;
	/** CBS's notes per code (`Opgeheven per 01-01-2019`, `Gemeentelijke herindeling per …`) */
	notes: Map<string, string>;
}

/** A title as it is compared: CBS pads and sometimes doubles spaces. */
export function normaliseTitle(title: string): string {
	return title.replace(/\s+/g, ' ').trim();
}

function add(index: RegionIndex, title: string, entry: RegionEntry): void {
	const key = normaliseTitle(title);
	if (!key || entry.code === '.' || !entry.code) return;
	const known = index.byTitle.get(key) ?? [];
	if (!known.some((k) => k.code === entry.code)) known.push(entry);
	index.byTitle.set(key, known);
}

function readList(index: RegionIndex, path: string): void {
	const file = relative(process.cwd(), path);
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const first = text.slice(0, text.search(/\r?\n/));
	const rows = dsvFormat(first.includes(';') ? ';' : ',').parseRows(text);
	const header = (rows[0] ?? []).map((h) => h.trim());
	const at = (name: string) => header.indexOf(name);
	const body = rows.slice(1);
	if (at('Key') >= 0 && at('Title') >= 0) {
		body.forEach((r, i) => {
			const code = (r[at('Key')] ?? '').trim();
			add(index, r[at('Title')] ?? '', { code, file, line: i + 2 });
			const note = at('Description') >= 0 ? (r[at('Description')] ?? '').trim() : '';
			if (note) index.notes.set(code, note.replace(/\s*\r?\n\s*/g, '; '));
		});
	} else if (at('GemeentecodeGM') >= 0 && at('Gemeentenaam') >= 0) {
		body.forEach((r, i) =>
			add(index, r[at('Gemeentenaam')] ?? '', {
				code: (r[at('GemeentecodeGM')] ?? '').trim(),
				file,
				line: i + 2
			})
		);
	} else if (at('RegioS') >= 0 && header.some((h) => /^Code_\d+$/.test(h))) {
		// Gebieden in Nederland: the first Code_ column is the gemeente; every Code_/Naam_ pair after it a
		// division (letters of the code name it), titled in other tables as `<Naam> (<letters>)`.
		const pairs = header.flatMap((h, i) => {
			const next = header[i + 1] ?? '';
			return /^Code_\d+$/.test(h) && /^Naam_\d+$/.test(next) ? [[i, i + 1] as const] : [];
		});
		const own = header.findIndex((h) => /^Code_\d+$/.test(h));
		body.forEach((r, i) => {
			const entry = (code: string) => ({ code: code.trim(), file, line: i + 2 });
			add(index, r[at('RegioS')] ?? '', entry(r[own] ?? ''));
			for (const [c, n] of pairs) {
				if (c === own) continue;
				const code = (r[c] ?? '').trim();
				const letters = /^([A-Z]{2})\d+$/.exec(code)?.[1];
				if (letters) add(index, `${(r[n] ?? '').trim()} (${letters})`, entry(code));
			}
		});
	} else
		refuseFile(
			file,
			'geen regiolijst van CBS: verwacht de kolommen Key en Title (een dimensielijst zoals RegioS), GemeentecodeGM en Gemeentenaam ("Gemeenten alfabetisch") of RegioS met Code_-kolommen ("Gebieden in Nederland")',
			1
		);
}

/** Reads every region list of a delivery (`<raw>/cbs/regiolijsten/*.csv`); an empty index when there are none. */
export function readRegionLists(cbsDir: string): RegionIndex {
	const index: RegionIndex = { files: [], byTitle: new Map(), notes: new Map() };
	const dir = join(cbsDir, REGION_LISTS_FOLDER);
	if (!existsSync(dir)) return index;
	for (const name of readdirSync(dir)
		.filter((n) => n.toLowerCase().endsWith('.csv'))
		.sort()) {
		readList(index, join(dir, name));
		index.files.push(join(dir, name));
	}
	return index;
}

/** The outcome of looking a title up: its one code, or why there is none. */
export type RegionMatch = { code: string } | { problem: string };

/** The code of a region title, or a Dutch reason: no list knows it, or lists give it more than one code. */
export function matchRegion(index: RegionIndex, title: string): RegionMatch {
	const key = normaliseTitle(title);
	const found = index.byTitle.get(key) ?? [];
	if (found.length === 1) return { code: found[0]!.code };
	if (found.length === 0)
		return {
			problem:
				index.files.length === 0
					? `regio "${key}" is een naam, geen code, en er zijn geen regiolijsten van CBS meegeleverd (zet ze in cbs/${REGION_LISTS_FOLDER}/)`
					: `regio "${key}" staat in geen enkele regiolijst van CBS (${REGION_LISTS_FOLDER}/): voeg de lijst toe van het jaar waarin deze naam gold`
		};
	return {
		problem: `regio "${key}" past bij meer dan één code (${found
			.map((f) => `${f.code} in ${f.file} regel ${f.line}`)
			.join('; ')}): download de tabel met codes, of laat de dubbele naam uit de regiolijsten`
	};
}
