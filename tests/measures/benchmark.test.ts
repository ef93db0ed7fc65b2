import { describe, expect, test } from 'vitest';
import { openRelease } from '../../src/lib/db/node.server';
import {
	benchmarkRowsSql,
	computeBenchmark,
	parsePeerSet,
	peerSetParam,
	sizeClassSql,
	suggestPeers,
	benchmarkGemeenten,
	type BenchmarkRow
} from '../../src/lib/measures/benchmark';
import {
	benchmarkTable,
	describeSource,
	preferredSource,
	rankText,
	sourceName
} from '../../src/lib/measures/benchmark-view';
import { independentBenchmark } from '../helpers/benchmark';

/** A gemeente row of a made-up benchmark. */
function row(
	gemeente: string,
	jaar: number,
	waarde: number | null,
	extra: Partial<BenchmarkRow> = {}
): BenchmarkRow {
	return {
		niveau: 'gemeente',
		gemeente,
		gemeente_naam: `Gemeente ${gemeente.slice(2)}`,
		provincie: 'Drenthe',
		inwonertal: 30_000,
		grootteklasse: 4,
		aandeel_65plus: null,
		aandeel_jeugd: null,
		jaar,
		status: null,
		waarde,
		teller: null,
		noemer: null,
		...extra
	};
}

describe('peer sets in the URL', () => {
	test('klasse is the default; provincie, voorstel and GM codes round-trip; anything else is dropped', () => {
		expect(parsePeerSet(null)).toEqual({ kind: 'klasse' });
		expect(parsePeerSet('provincie')).toEqual({ kind: 'provincie' });
		expect(parsePeerSet('voorstel')).toEqual({ kind: 'voorstel' });
		expect(parsePeerSet('gm0106, GM0114,GM0106')).toEqual({ kind: 'namen', codes: ['GM0106', 'GM0114'] });
		expect(parsePeerSet("GM0106,<script>,' OR 1=1,../GM0114")).toEqual({ kind: 'namen', codes: ['GM0106'] });
		expect(parsePeerSet('<script>')).toEqual({ kind: 'klasse' });
		for (const p of ['', 'provincie', 'voorstel', 'GM0106,GM0114'])
			expect(peerSetParam(parsePeerSet(p))).toBe(p);
		expect(parsePeerSet(Array.from({ length: 40 }, (_, i) => `GM${1000 + i}`).join(','))).toMatchObject({
			codes: expect.arrayContaining(['GM1000']) as unknown
		});
	});
});

describe('computeBenchmark', () => {
	const rows = [
		row('GM0001', 2024, 10),
		row('GM0002', 2024, 10),
		row('GM0003', 2024, 8),
		row('GM0004', 2024, null),
		row('GM0005', 2024, 20, { grootteklasse: 5, provincie: 'Groningen' }),
		{ ...row('NL01', 2024, 11), niveau: 'land' as const, gemeente_naam: 'Nederland', grootteklasse: null }
	];

	test('ranks with ties (1 = highest), among the gemeenten with a value', () => {
		const rank = (g: string) =>
			computeBenchmark({ rows, gemeente: g, peers: { kind: 'klasse' }, per: 1 }).years[0]!.rank;
		expect(rank('GM0005')).toEqual({ position: 1, of: 4, tied: 1 });
		expect(rank('GM0001')).toEqual({ position: 2, of: 4, tied: 2 });
		expect(rank('GM0002')).toEqual({ position: 2, of: 4, tied: 2 });
		expect(rank('GM0003')).toEqual({ position: 4, of: 4, tied: 1 });
		expect(rank('GM0004')).toBeNull();
	});

	test('the size class mean leaves out the gemeente itself and names a suppressed peer instead of counting it as 0', () => {
		const b = computeBenchmark({ rows, gemeente: 'GM0001', peers: { kind: 'klasse' }, per: 1 });
		expect(b.members.map((m) => m.code)).toEqual(['GM0002', 'GM0003', 'GM0004']);
		expect(b.years[0]!.peers).toEqual({
			value: 9,
			withValue: 2,
			withoutValue: ['Gemeente 0004'],
			absent: []
		});
		expect(b.peersLabel).toBe('Gemeenten met 20.000 tot 50.000 inwoners');
		expect(b.years[0]!.nederland).toEqual({ value: 11, gemeenten: 4 });
		expect(b.nederlandFromCbs).toBe(true);
	});

	test('province, picked names (one not in the source) and a peer set with no value at all', () => {
		const province = computeBenchmark({ rows, gemeente: 'GM0005', peers: { kind: 'provincie' }, per: 1 });
		expect(province.peersLabel).toBe('Gemeenten in Groningen');
		expect(province.years[0]!.peers.value).toBeNull();
		const picked = computeBenchmark({
			rows,
			gemeente: 'GM0001',
			peers: { kind: 'namen', codes: ['GM0005', 'GM0004', 'GM9999', 'GM0001'] },
			per: 1
		});
		expect(picked.members.map((m) => m.code)).toEqual(['GM0005', 'GM0004', 'GM9999']);
		expect(picked.years[0]!.peers).toEqual({
			value: 20,
			withValue: 1,
			withoutValue: ['Gemeente 0004'],
			absent: ['GM9999']
		});
		const unknown = computeBenchmark({
			rows: rows.map((r) => ({ ...r, provincie: null })),
			gemeente: 'GM0001',
			peers: { kind: 'provincie' },
			per: 1
		});
		expect(unknown.members).toEqual([]);
		expect(unknown.basis).toContain('gemeenten-alfabetisch.csv');
	});

	test('without a CBS Nederland row, Nederland is every gemeente of the release together: counts summed, not rates averaged', () => {
		const own = [
			row('GM0001', 2024, 10, { teller: 10, noemer: 100 }),
			row('GM0002', 2024, 20, { teller: 200, noemer: 1000 }),
			row('GM0003', 2024, null, { teller: null, noemer: 500 })
		];
		const b = computeBenchmark({ rows: own, gemeente: 'GM0001', peers: { kind: 'klasse' }, per: 100 });
		expect(b.years[0]!.nederland).toEqual({ value: 19.1, gemeenten: 2 });
		expect(b.nederlandLabel).toBe('Alle gemeenten in deze release (2)');
		expect(b.nederlandFromCbs).toBe(false);
	});

	test('the download has an empty cell, never 0, where a value is missing', () => {
		const b = computeBenchmark({ rows, gemeente: 'GM0004', peers: { kind: 'klasse' }, per: 1 });
		const source = {
			indicator: 'bbv-32-wmo',
			bron: 'cbs' as const,
			tabel: '86050NED',
			eenheid: 'per 1.000' as const,
			eenheid_tekst: 'per 1 000 inwoners',
			gemeenten: 4,
			eerste_jaar: 2024,
			laatste_jaar: 2024
		};
		const table = benchmarkTable({
			indicator: { id: 'bbv-32-wmo', number: 32, title: 'Wmo' },
			sources: [source],
			source,
			benchmark: b,
			chart: '',
			gemeenten: []
		});
		expect(table.rows[0]).toMatchObject({ own: null, position: null });
		// A sample's CBS-shaped series is synthetic: "Voorbeelddata", never "Bron: CBS".
		const view = {
			indicator: { id: 'bbv-32-wmo', number: 32, title: 'Wmo' },
			sources: [source],
			source,
			benchmark: b,
			chart: '',
			gemeenten: []
		};
		expect(describeSource(source)).toMatch(
			/^Bron: CBS, tabel 86050NED .*4 gemeenten hebben in minstens één jaar een cijfer\.$/
		);
		for (const text of [
			describeSource(source, { sample: true }),
			sourceName(source, { sample: true }),
			JSON.stringify(benchmarkTable(view, { sample: true }).columns)
		]) {
			expect(text).not.toMatch(/Bron: CBS|^CBS /);
			expect(text.toLowerCase()).toContain('voorbeelddata');
		}
		expect(describeSource(source, { sample: true })).toContain(
			'Voorbeelddata in de vorm van CBS-tabel 86050NED, geen echte CBS-cijfers'
		);
		expect(benchmarkTable(view, { sample: true }).name).toBe('Benchmark BBV 32 (voorbeelddata)');
		expect(preferredSource([{ ...source, bron: 'eigen', gemeenten: 4 }, source])?.bron).toBe('cbs');
	});
});

describe('suggested peers', () => {
	const g = (
		code: string,
		inhabitants: number,
		share65: number | null = null,
		shareYouth: number | null = null
	) => row(code, 2024, 1, { inwonertal: inhabitants, aandeel_65plus: share65, aandeel_jeugd: shareYouth });

	test('nearest on inhabitants (log scale) when the age structure is not known for enough gemeenten', () => {
		const gemeenten = benchmarkGemeenten([
			g('GM0001', 50_000),
			g('GM0002', 40_000),
			g('GM0003', 61_000),
			g('GM0004', 500_000),
			g('GM0005', 5_000)
		]);
		const s = suggestPeers(gemeenten, 'GM0001', 2);
		expect(s.codes).toEqual(['GM0003', 'GM0002']);
		expect(s.basis).toContain('in aantal inwoners');
	});

	test('with the age structure, a gemeente of the same size but another structure ranks lower', () => {
		const gemeenten = benchmarkGemeenten([
			g('GM0001', 50_000, 0.2, 0.2),
			g('GM0002', 50_000, 0.35, 0.1),
			g('GM0003', 60_000, 0.2, 0.2),
			g('GM0004', 40_000, 0.21, 0.19),
			g('GM0005', 52_000, 0.3, 0.12),
			g('GM0006', 48_000, 0.2, 0.21)
		]);
		const s = suggestPeers(gemeenten, 'GM0001', 5);
		expect(s.codes.slice(0, 2)).toEqual(['GM0006', 'GM0003']);
		expect(s.codes.at(-1)).toBe('GM0002');
		expect(s.basis).toContain('65 jaar en ouder');
	});
});

describe('the benchmark of the sample release against an independent SQL', () => {
	test('size class boundaries as CBS draws them', async () => {
		const { engine } = await openRelease({ publishedDir: 'static/data' });
		try {
			const classes = await engine.query<{ n: number; k: number }>(
				`SELECT n, ${sizeClassSql('n')} AS k FROM (VALUES (0), (4999), (5000), (19999), (49999), (50000), (149999), (150000), (249999), (250000), (900000)) t(n) ORDER BY n`
			);
			expect(classes.map((c) => c.k)).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 7, 8, 8]);
		} finally {
			engine.close();
		}
	});

	test.each<[string, 'klasse' | 'provincie' | 'voorstel' | string[]]>([
		['GM0193', 'klasse'],
		['GM0193', 'provincie'],
		['GM0014', 'voorstel'],
		['GM0014', ['GM0193', 'GM9001', 'GM9002']]
	])('%s against %s: Nederland, peer mean, members and rank', async (gemeente, peers) => {
		const { engine } = await openRelease({ publishedDir: 'static/data' });
		let rows: BenchmarkRow[];
		try {
			rows = await engine.query<BenchmarkRow & Record<string, string | number | null>>(
				benchmarkRowsSql({ indicator: 'bbv-32-wmo', bron: 'cbs' })
			);
		} finally {
			engine.close();
		}
		const b = computeBenchmark({
			rows,
			gemeente,
			peers: parsePeerSet(typeof peers === 'string' ? peers : peers.join(',')),
			per: 1000
		});
		const expected = await independentBenchmark({
			gemeente,
			peers
		});
		expect(b.years.map((y) => y.year)).toEqual(expected.map((e) => e.jaar));
		expect(b.members.map((m) => m.code).sort()).toEqual(expected[0]!.members.map((m) => m.code).sort());
		for (const [i, e] of expected.entries()) {
			expect(b.years[i]!.own).toBe(e.own);
			expect(b.years[i]!.nederland.value).toBe(e.nederland);
			expect(b.years[i]!.peers.value).toBe(e.peers);
			expect(b.years[i]!.peers.withValue).toBe(e.peersWith);
			expect(b.years[i]!.rank?.position ?? null).toBe(e.position);
			expect(b.years[i]!.rank?.of ?? e.ranked).toBe(e.ranked);
		}
	});
});

describe('the benchmark table of the sample release', () => {
	test('every row is its source cell (a secret CBS cell stays empty), with the province of CBS’s list', async () => {
		const { engine } = await openRelease({ publishedDir: 'static/data' });
		try {
			const [check] = await engine.query<{
				cbs: number;
				cbs_source: number;
				cbs_off: number;
				own: number;
				own_source: number;
				own_off: number;
				secret: number;
				no_province: number;
			}>(
				`SELECT
					(SELECT count(*) FROM benchmark WHERE bron = 'cbs') AS cbs,
					(SELECT count(*) FROM cbs_cijfers WHERE tabel = '86050NED' AND maat = 'WmoClientenPer1000Inwoners' AND gebied_niveau IN ('gemeente', 'land')) AS cbs_source,
					(SELECT count(*) FROM benchmark b JOIN cbs_cijfers c ON c.tabel = b.tabel AND c.maat = 'WmoClientenPer1000Inwoners' AND c.gebied_code = b.gemeente AND c.jaar = b.jaar
						WHERE b.bron = 'cbs' AND (c.waarde IS DISTINCT FROM b.waarde OR c.status <> b.status)) AS cbs_off,
					(SELECT count(*) FROM benchmark WHERE bron = 'eigen') AS own,
					(SELECT count(*) FROM kerncijfers) AS own_source,
					(SELECT count(*) FROM benchmark b JOIN kerncijfers k ON k.indicator = b.indicator AND k.gemeente = b.gemeente AND k.jaar = b.jaar
						WHERE b.bron = 'eigen' AND (k.waarde IS DISTINCT FROM b.waarde OR k.teller IS DISTINCT FROM b.teller OR k.noemer IS DISTINCT FROM b.noemer)) AS own_off,
					(SELECT count(*) FROM benchmark WHERE bron = 'cbs' AND waarde IS NULL) AS secret,
					(SELECT count(*) FROM benchmark b WHERE niveau = 'gemeente' AND provincie IS DISTINCT FROM (
						SELECT Provincienaam FROM read_csv('data/raw/cbs/gemeenten-alfabetisch.csv', delim = ';', header = true, all_varchar = true) WHERE GemeentecodeGM = b.gemeente)) AS no_province`
			);
			expect(check).toMatchObject({ cbs_off: 0, own_off: 0, no_province: 0 });
			expect(check!.cbs).toBe(check!.cbs_source);
			expect(check!.own).toBe(check!.own_source);
			expect(check!.secret).toBeGreaterThan(0);
		} finally {
			engine.close();
		}
	});
});

describe('a rank needs enough gemeenten', () => {
	test('fewer than five with a value: no place, and why', () => {
		expect(rankText({ position: 1, of: 2, tied: 1 })).toBe(
			'geen plaats: te weinig gemeenten om te rangschikken (2 met een cijfer, minstens 5 nodig)'
		);
		expect(rankText({ position: 4, of: 336, tied: 1 })).toBe(
			'plaats 4 van 336 gemeenten met een cijfer dat jaar'
		);
	});
});
