import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import type { OutlineCollection } from './outlines';

/** The outline readers (shapefile, GeoPackage, proj4, TopoJSON), loaded when a division has outlines. */
const outlineReaders = () => import('./outlines');
import { GemeenteError, type AreaLevel, type Division, type Gemeente } from './types';

/** The areas of one division: wijken, and buurten with their wijk. */
export interface DivisionAreas {
	year: number;
	wijken: { code: string; name: string }[];
	buurten: { code: string; name: string; wijk: string }[];
}

const rel = (path: string) => relative(process.cwd(), path) || path;

/**
 * The division a gemeente's figures are published on. Koers publishes one division per release: a
 * gemeente that delivers several years is refused with a message (see docs/nieuwe-gemeente.md).
 */
export function currentDivision(gemeente: Pick<Gemeente, 'code' | 'divisions'>): Division | null {
	if (gemeente.divisions.length > 1)
		throw new GemeenteError(
			`${rel(gemeente.divisions[0]!.dir)} en ${gemeente.divisions.length - 1} andere: ${gemeente.code} levert ${gemeente.divisions.length} gebiedsindelingen (${gemeente.divisions.map((d) => d.year).join(', ')}); Koers publiceert alle jaren op één indeling, die waarin de exports gecodeerd zijn. Laat alleen die map in gebieden/ staan`,
			rel(gemeente.divisions[0]!.dir)
		);
	return gemeente.divisions[0] ?? null;
}

/**
 * Reads the codes and names of a division: buurten from buurten.csv or else the CBS buurt outlines;
 * wijken from wijken.csv, or else the wijken the buurten name (with names from the wijk outlines).
 */
export async function readDivisionAreas(options: {
	gemeente: string;
	division: Division;
}): Promise<DivisionAreas> {
	const { division, gemeente } = options;
	const buurten = division.tables.buurten
		? readCbsCsv(division.tables.buurten, gemeente).map((r) => ({
				code: r['statcode']!,
				name: r['statnaam']!,
				wijk: r['wijkcode']!
			}))
		: await buurtenFromOutlines({ gemeente, division });
	if (division.tables.wijken) {
		const wijken = readCbsCsv(division.tables.wijken, gemeente).map((r) => ({
			code: r['statcode']!,
			name: r['statnaam']!
		}));
		return { year: division.year, wijken, buurten };
	}
	const outlines = division.outlines.wijk
		? await (await outlineReaders()).readOutlines({ file: division.outlines.wijk, level: 'wijk', gemeente })
		: [];
	const names = new Map(outlines.map((w) => [w.code, w.name]));
	const wijkCodes = [...new Set(buurten.map((b) => b.wijk))].sort();
	return {
		year: division.year,
		wijken: wijkCodes.map((code) => ({ code, name: names.get(code) ?? code })),
		buurten
	};
}

async function buurtenFromOutlines(options: { gemeente: string; division: Division }) {
	const file = options.division.outlines.buurt!;
	const buurten = await (
		await outlineReaders()
	).readOutlines({ file, level: 'buurt', gemeente: options.gemeente });
	const missingParent = buurten.find((b) => !b.parent);
	if (missingParent)
		throw new GemeenteError(
			`${rel(file.path)}: buurt ${missingParent.code} heeft geen wijkcode (kolom WK_CODE of wijkcode); lever dan buurten.csv mee`,
			rel(file.path)
		);
	return buurten.map((b) => ({ code: b.code, name: b.name, wijk: b.parent! }));
}

/**
 * The outlines of one level, simplified with topology kept, or null when the division has none. Wijken
 * without a file of their own are dissolved from the buurten, so both levels share every edge.
 */
export async function divisionOutlines(options: {
	gemeente: string;
	division: Division;
	level: AreaLevel;
}): Promise<OutlineCollection | null> {
	const { division, gemeente, level } = options;
	const areas = await readDivisionAreas({ gemeente, division });
	const known = level === 'buurt' ? areas.buurten : areas.wijken;
	const file = division.outlines[level];
	if (level === 'wijk' && !file && division.outlines.buurt) {
		const wijkOf = new Map(areas.buurten.map((b) => [b.code, b.wijk]));
		const buurten = await (
			await outlineReaders()
		).readOutlines({ file: division.outlines.buurt, level: 'buurt', gemeente });
		return (await outlineReaders()).simplifyOutlines({
			outlines: buurten,
			dissolve: new Map(areas.wijken.map((w) => [w.code, w.name])),
			parentOf: (code) => wijkOf.get(code) ?? null
		});
	}
	if (!file) return null;
	const outlines = await (await outlineReaders()).readOutlines({ file, level, gemeente });
	const codes = new Set(known.map((a) => a.code));
	const stray = outlines.find((o) => !codes.has(o.code));
	if (stray)
		throw new GemeenteError(
			`${rel(file.path)}: ${level} ${stray.code} (${stray.name}) staat niet in de gebiedsindeling ${division.year} van ${gemeente}; kies grenzen van hetzelfde jaar als de indeling`,
			rel(file.path)
		);
	// Names come from the division, so the map and the tables say the same.
	const names = new Map(known.map((a) => [a.code, a.name]));
	return (await outlineReaders()).simplifyOutlines({
		outlines: outlines.map((o) => ({ ...o, name: names.get(o.code) ?? o.name }))
	});
}

/** Reads a CBS code table (statcode, statnaam, gemeentecode, wijkcode), the gemeente's rows only. */
function readCbsCsv(path: string, gemeente: string): Record<string, string>[] {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	const parsed = dsvFormat(firstLine.includes(';') ? ';' : ',').parse(text);
	const header = parsed.columns.map((h) => h.trim().toLowerCase());
	const rows = parsed.map((row) =>
		Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), String(v ?? '').trim()]))
	);
	for (const need of ['statcode', 'statnaam', 'gemeentecode', 'wijkcode'])
		if (!header.includes(need))
			throw new GemeenteError(
				`${rel(path)} regel 1: kolom ${need} ontbreekt (verwacht statcode, statnaam, gemeentecode, wijkcode)`,
				rel(path)
			);
	rows.forEach((row, i) => {
		if (!row['statcode'])
			throw new GemeenteError(`${rel(path)} regel ${i + 2}, veld statcode: leeg`, rel(path));
	});
	const own = rows.filter((r) => r['gemeentecode'] === gemeente);
	if (own.length === 0)
		throw new GemeenteError(
			`${rel(path)}: geen gebieden van ${gemeente} (kolom gemeentecode); kies het bestand van de juiste gemeente`,
			rel(path)
		);
	return own;
}
