import type { Unit } from '../format';
import { sqlString } from '../db/query';
import { BBV_INDICATORS } from './bbv';
import { BBV_SET } from './bbv-set';
import { referenceLabel } from './benchmark-reference';

/**
 * Benchmarks: a gemeente's value on a BBV indicator against Nederland, against a set of peers (its
 * size class, its province, suggested or picked gemeenten) and its rank among all gemeenten with a
 * value. Every figure comes from one pre-aggregated table, `benchmark` (one file per indicator for all
 * gemeenten), read with the same SQL on native DuckDB (prerender) and DuckDB-WASM (a peer change);
 * the comparison itself is the plain function below, the same on both sides.
 */

/** CBS's gemeentegrootte classes (inhabitants on 1 January). */
const SIZE_CLASSES = [
	{ number: 1, label: 'minder dan 5.000 inwoners', below: 5_000 },
	{ number: 2, label: '5.000 tot 10.000 inwoners', below: 10_000 },
	{ number: 3, label: '10.000 tot 20.000 inwoners', below: 20_000 },
	{ number: 4, label: '20.000 tot 50.000 inwoners', below: 50_000 },
	{ number: 5, label: '50.000 tot 100.000 inwoners', below: 100_000 },
	{ number: 6, label: '100.000 tot 150.000 inwoners', below: 150_000 },
	{ number: 7, label: '150.000 tot 250.000 inwoners', below: 250_000 },
	{ number: 8, label: '250.000 inwoners of meer', below: Infinity }
] as const;

/** SQL for the size class (1–8) of an inhabitants column. */
export function sizeClassSql(column: string): string {
	const finite = SIZE_CLASSES.filter((c) => Number.isFinite(c.below));
	return `CASE WHEN ${column} IS NULL THEN NULL ${finite.map((c) => `WHEN ${column} < ${c.below} THEN ${c.number}`).join(' ')} ELSE ${SIZE_CLASSES.length} END`;
}

/** A benchmark source: the own registrations of the gemeenten in the release, or a CBS table. */
export type BenchmarkSourceKind = 'eigen' | 'cbs';

/** An indicator the benchmark can hold, with where each source gets its figure. */
export interface BenchmarkIndicator {
	id: string;
	number: number;
	title: string;
	/** own registrations: the kerncijfers indicator */
	own: { unit: Unit; unitText: string; per: number } | null;
	/** CBS: the table and stable measure id in `cbs_cijfers`, the category and the period of a year */
	cbs: {
		table: string;
		measure: string;
		category: readonly string[];
		period: { kind: 'jaar' } | { kind: 'maand'; number: number };
	} | null;
}

/** The Koers unit of a CBS unit text (`per 1 000 inwoners`, `%`); units are never converted. */
export function unitOfCbs(unit: string): Unit {
	if (/per\s*10[\s.]?000/i.test(unit)) return 'per 10.000';
	if (/per\s*1[\s.]?000/i.test(unit)) return 'per 1.000';
	if (/%|procent/i.test(unit)) return 'procent';
	return 'aantal';
}

/** The BBV set as benchmark indicators: the id is Koers' own indicator where it has one. */
export const BENCHMARK_INDICATORS: readonly BenchmarkIndicator[] = BBV_SET.flatMap((d) => {
	const own = BBV_INDICATORS.find((b) => b.id === d.own);
	const cbs =
		d.published.table && d.published.measure
			? {
					table: d.published.table,
					measure: d.published.measure,
					category: d.published.category ?? [],
					period: d.published.period ?? { kind: 'jaar' as const }
				}
			: null;
	if (!own && !cbs) return [];
	return [
		{
			id: own?.id ?? `bbv-${d.number}`,
			number: d.number,
			title: d.title,
			own: own
				? { unit: own.per === 100 ? 'procent' : 'per 10.000', unitText: own.unit, per: own.per }
				: null,
			cbs
		}
	];
});

/** What the release's benchmark table holds for one indicator from one source. */
export interface BenchmarkSource {
	indicator: string;
	bron: BenchmarkSourceKind;
	/** the CBS table id; null for own registrations */
	tabel: string | null;
	eenheid: Unit;
	eenheid_tekst: string;
	/** gemeenten with a value in some year */
	gemeenten: number;
	eerste_jaar: number;
	laatste_jaar: number;
}

/** SQL: every indicator and source of the benchmark table, with coverage. */
export function benchmarkSourcesSql(): string {
	return `SELECT indicator, bron, any_value(tabel) AS tabel, any_value(eenheid) AS eenheid, any_value(eenheid_tekst) AS eenheid_tekst,
	CAST(count(DISTINCT gemeente) FILTER (WHERE niveau = 'gemeente' AND waarde IS NOT NULL) AS INTEGER) AS gemeenten,
	CAST(min(jaar) AS INTEGER) AS eerste_jaar, CAST(max(jaar) AS INTEGER) AS laatste_jaar
FROM benchmark GROUP BY indicator, bron ORDER BY indicator, bron`;
}

/** One row of the benchmark table: a gemeente (or Nederland) in a year. */
export interface BenchmarkRow {
	niveau: 'gemeente' | 'land';
	gemeente: string;
	gemeente_naam: string;
	provincie: string | null;
	inwonertal: number | null;
	grootteklasse: number | null;
	aandeel_65plus: number | null;
	aandeel_jeugd: number | null;
	jaar: number;
	status: string | null;
	waarde: number | null;
	teller: number | null;
	noemer: number | null;
}

/** SQL: the rows of one indicator from one source (one small file: the `indicator` partition). */
export function benchmarkRowsSql(options: { indicator: string; bron: BenchmarkSourceKind }): string {
	return `SELECT niveau, gemeente, gemeente_naam, provincie, CAST(inwonertal AS DOUBLE) AS inwonertal, CAST(grootteklasse AS INTEGER) AS grootteklasse,
	aandeel_65plus, aandeel_jeugd, CAST(jaar AS INTEGER) AS jaar, status, waarde, teller, noemer
FROM benchmark WHERE indicator = ${sqlString(options.indicator)} AND bron = ${sqlString(options.bron)}
ORDER BY jaar, niveau, gemeente`;
}

/** Which gemeenten a benchmark compares with: kept in the URL as `peers=`. */
export type PeerSet =
	{ kind: 'klasse' } | { kind: 'provincie' } | { kind: 'voorstel' } | { kind: 'namen'; codes: string[] };

/** At most this many gemeenten picked by name. */
const MAX_PICKED = 25;

/** Reads `peers=` from a URL: klasse (the default), provincie, voorstel, or GM codes separated by commas. */
export function parsePeerSet(text: string | null | undefined): PeerSet {
	const t = (text ?? '').trim();
	if (t === 'provincie' || t === 'voorstel') return { kind: t };
	const codes = [...new Set(t.split(',').map((c) => c.trim().toUpperCase()))].filter((c) =>
		/^GM\d{4}$/.test(c)
	);
	return codes.length > 0 ? { kind: 'namen', codes: codes.slice(0, MAX_PICKED) } : { kind: 'klasse' };
}

/** The `peers=` value of a peer set; '' for the default (size class). */
export function peerSetParam(peers: PeerSet): string {
	return peers.kind === 'namen' ? peers.codes.join(',') : peers.kind === 'klasse' ? '' : peers.kind;
}

/** A gemeente as the benchmark knows it. */
export interface BenchmarkGemeente {
	code: string;
	name: string;
	province: string | null;
	inhabitants: number | null;
	sizeClass: number | null;
	share65: number | null;
	shareYouth: number | null;
}

/**
 * Dutch order of names, one collator for every sort (a peer change sorts every gemeente), made when
 * first used: making it takes ICU several milliseconds, which every process that loads this module
 * (the pipeline's start included) would pay.
 */
let collator: Intl.Collator | null = null;
const BY_NAME = (a: string, b: string) => (collator ??= new Intl.Collator('nl')).compare(a, b);

/** The gemeenten of the rows, each once (their characteristics are the same in every year). */
export function benchmarkGemeenten(rows: readonly BenchmarkRow[]): BenchmarkGemeente[] {
	const out = new Map<string, BenchmarkGemeente>();
	for (const r of rows)
		if (r.niveau === 'gemeente' && !out.has(r.gemeente))
			out.set(r.gemeente, {
				code: r.gemeente,
				name: r.gemeente_naam,
				province: r.provincie,
				inhabitants: r.inwonertal,
				sizeClass: r.grootteklasse,
				share65: r.aandeel_65plus,
				shareYouth: r.aandeel_jeugd
			});
	return [...out.values()].sort((a, b) => BY_NAME(a.name, b.name));
}

/** Code and name of every gemeente of the rows, by name: for picking peers by name. */
export function gemeenteNames(rows: readonly BenchmarkRow[]): { code: string; name: string }[] {
	return benchmarkGemeenten(rows).map((g) => ({ code: g.code, name: g.name }));
}

/** How many gemeenten the suggestion holds. */
const SUGGESTED = 5;

/**
 * "Vergelijkbare gemeenten": the nearest gemeenten on inhabitants (on a log scale) and, where the
 * release holds them for the gemeente and enough candidates, the shares of over-65s and of young
 * people under 18; each figure standardised over the candidates. Says which figures it used.
 */
export function suggestPeers(
	gemeenten: readonly BenchmarkGemeente[],
	code: string,
	k = SUGGESTED
): { codes: string[]; basis: string } {
	const self = gemeenten.find((g) => g.code === code);
	const candidates = gemeenten.filter((g) => g.code !== code && g.inhabitants !== null && g.inhabitants > 0);
	if (!self || self.inhabitants === null || candidates.length === 0)
		return { codes: [], basis: 'Geen voorstel: het aantal inwoners van de gemeente is niet bekend.' };
	const withShares = candidates.filter((g) => g.share65 !== null && g.shareYouth !== null);
	const useShares = self.share65 !== null && self.shareYouth !== null && withShares.length >= k;
	const pool = useShares ? withShares : candidates;
	const features: ((g: BenchmarkGemeente) => number)[] = [(g) => Math.log(g.inhabitants!)];
	if (useShares)
		features.push(
			(g) => g.share65!,
			(g) => g.shareYouth!
		);
	const spread = features.map((f) => {
		const values = pool.map(f);
		const m = values.reduce((a, b) => a + b, 0) / values.length;
		const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length);
		return sd > 0 ? sd : 1;
	});
	const distance = (g: BenchmarkGemeente) =>
		Math.sqrt(features.reduce((sum, f, i) => sum + ((f(g) - f(self)) / spread[i]!) ** 2, 0));
	const codes = pool
		.map((g) => ({ code: g.code, d: distance(g) }))
		.sort((a, b) => a.d - b.d || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
		.slice(0, k)
		.map((g) => g.code);
	return {
		codes,
		basis: useShares
			? `De ${codes.length} gemeenten die het meest lijken op ${self.name} in aantal inwoners en in het aandeel inwoners van 65 jaar en ouder en jonger dan 18 jaar (elk kenmerk even zwaar).`
			: `De ${codes.length} gemeenten die in aantal inwoners het dichtst bij ${self.name} liggen (de leeftijdsopbouw is niet voor genoeg gemeenten bekend).`
	};
}

/** One year of a benchmark. */
interface BenchmarkYear {
	year: number;
	/** CBS's status of the year (definitief, voorlopig, nader voorlopig); null for own registrations */
	status: string | null;
	own: number | null;
	nederland: { value: number | null; gemeenten: number };
	peers: {
		/** the unweighted mean of the peers with a value; null when none has one */
		value: number | null;
		withValue: number;
		/** peers in the source that year without a value (suppressed or unknown) */
		withoutValue: string[];
		/** peers the source has no row for that year */
		absent: string[];
	};
	/** 1 = the highest value; tied counts the gemeenten (itself included) with the same value */
	rank: { position: number; of: number; tied: number } | null;
}

/** A benchmark of one gemeente on one indicator from one source. */
export interface Benchmark {
	gemeente: BenchmarkGemeente | null;
	peers: PeerSet;
	/** e.g. "Gemeenten met 100.000 tot 150.000 inwoners" */
	peersLabel: string;
	members: { code: string; name: string }[];
	/** how the members were chosen, in a sentence */
	basis: string;
	/** Nederland from CBS's own figure (true) or as all gemeenten in the release together (false) */
	nederlandFromCbs: boolean;
	nederlandLabel: string;
	years: BenchmarkYear[];
}

/** A label inside a sentence: only its first letter lower case (names keep their capital). */
export function inSentence(label: string): string {
	return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The label of a size class. */
function sizeClassLabel(n: number | null): string | null {
	return SIZE_CLASSES.find((c) => c.number === n)?.label ?? null;
}

/** Picks the members of a peer set (never the gemeente itself) and says how. */
function peerMembers(
	gemeenten: readonly BenchmarkGemeente[],
	self: BenchmarkGemeente | null,
	peers: PeerSet
): { codes: string[]; label: string; basis: string } {
	const others = gemeenten.filter((g) => g.code !== self?.code);
	switch (peers.kind) {
		case 'klasse': {
			const label = sizeClassLabel(self?.sizeClass ?? null);
			if (!self || !label)
				return {
					codes: [],
					label: 'Grootteklasse',
					basis: 'Het aantal inwoners van de gemeente is niet bekend.'
				};
			const codes = others.filter((g) => g.sizeClass === self.sizeClass).map((g) => g.code);
			return {
				codes,
				label: `Gemeenten met ${label}`,
				basis: `De andere ${codes.length} gemeenten met ${label} (CBS-gemeentegrootte, naar het laatst bekende aantal inwoners).`
			};
		}
		case 'provincie': {
			if (!self?.province)
				return {
					codes: [],
					label: 'Provincie',
					basis:
						'De provincie van de gemeente is niet bekend: lever CBS’ lijst gemeenten-alfabetisch.csv mee (zie het aanleverformaat).'
				};
			const codes = others.filter((g) => g.province === self.province).map((g) => g.code);
			return {
				codes,
				label: `Gemeenten in ${self.province}`,
				basis: `De andere ${codes.length} gemeenten in de provincie ${self.province}.`
			};
		}
		case 'voorstel': {
			const s = self ? suggestPeers(gemeenten, self.code) : { codes: [], basis: 'Geen voorstel.' };
			return { codes: s.codes, label: 'Vergelijkbare gemeenten', basis: s.basis };
		}
		case 'namen': {
			const codes = peers.codes.filter((c) => c !== self?.code);
			return { codes, label: 'Gekozen gemeenten', basis: `${codes.length} zelf gekozen gemeenten.` };
		}
	}
}

/**
 * Compares a gemeente with Nederland and its peers in every year of the rows. A peer without a value
 * is named, never counted as 0; the mean says how many gemeenten it covers. Nederland is CBS's own
 * figure when the source is a CBS table, otherwise all gemeenten of the release together (counts
 * summed, as kerncijfers computes a gemeente's value).
 */
export function computeBenchmark(options: {
	rows: readonly BenchmarkRow[];
	gemeente: string;
	peers: PeerSet;
	/** the factor of the unit (100 for %, 10.000 for per 10.000) for the sum over the release */
	per: number;
}): Benchmark {
	const { rows, peers } = options;
	const gemeenten = benchmarkGemeenten(rows);
	const self = gemeenten.find((g) => g.code === options.gemeente) ?? null;
	const picked = peerMembers(gemeenten, self, peers);
	const names = new Map(gemeenten.map((g) => [g.code, g.name]));
	const byYear = new Map<number, BenchmarkRow[]>();
	for (const r of rows) {
		const list = byYear.get(r.jaar);
		if (list) list.push(r);
		else byYear.set(r.jaar, [r]);
	}
	const years = [...byYear.keys()].sort((a, b) => a - b);
	const land = rows.some((r) => r.niveau === 'land');
	return {
		gemeente: self,
		peers,
		peersLabel: picked.label,
		members: picked.codes.map((code) => ({ code, name: names.get(code) ?? code })),
		basis: picked.basis,
		nederlandFromCbs: land,
		nederlandLabel: referenceLabel({
			nederland: land,
			gemeenten: new Set(
				rows.filter((r) => r.niveau === 'gemeente' && r.waarde !== null).map((r) => r.gemeente)
			).size
		}),
		years: years.map((year) => {
			const inYear = byYear.get(year)!;
			const byCode = new Map(inYear.filter((r) => r.niveau === 'gemeente').map((r) => [r.gemeente, r]));
			const valued = [...byCode.values()].filter((r) => r.waarde !== null);
			const own = byCode.get(options.gemeente)?.waarde ?? null;
			const peerRows = picked.codes.map((c) => byCode.get(c));
			const peerValues = peerRows.flatMap((r) => (r && r.waarde !== null ? [r.waarde] : []));
			const higher = own === null ? 0 : valued.filter((r) => r.waarde! > own).length;
			return {
				year,
				status: inYear.find((r) => r.status !== null)?.status ?? null,
				own,
				nederland: {
					value: land
						? (inYear.find((r) => r.niveau === 'land')?.waarde ?? null)
						: summed(valued, options.per),
					gemeenten: valued.length
				},
				peers: {
					value:
						peerValues.length > 0 ? round1(peerValues.reduce((a, b) => a + b, 0) / peerValues.length) : null,
					withValue: peerValues.length,
					withoutValue: picked.codes
						.filter((c, i) => peerRows[i] && peerRows[i].waarde === null)
						.map((c) => names.get(c) ?? c),
					absent: picked.codes.filter((c, i) => !peerRows[i]).map((c) => names.get(c) ?? c)
				},
				rank:
					own === null
						? null
						: { position: higher + 1, of: valued.length, tied: valued.filter((r) => r.waarde === own).length }
			};
		})
	};
}

function round1(x: number): number {
	return Math.round(x * 10) / 10;
}

/** All gemeenten together: counts summed over those with both counts, as one gemeente's value is computed. */
function summed(rows: readonly BenchmarkRow[], per: number): number | null {
	const both = rows.filter((r) => r.teller !== null && r.noemer !== null);
	const d = both.reduce((a, r) => a + r.noemer!, 0);
	return both.length > 0 && d > 0 ? round1((both.reduce((a, r) => a + r.teller!, 0) * per) / d) : null;
}

/** The factor of a unit, for the sum over the release. */
export function unitFactor(unit: Unit): number {
	return unit === 'procent' ? 100 : unit === 'per 10.000' ? 10_000 : unit === 'per 1.000' ? 1_000 : 1;
}
