import { describe, expect, test } from 'vitest';
import { fixtureCases } from '../helpers/fixture-cases';
import { computeBenchmark, type BenchmarkRow } from '../../src/lib/measures/benchmark';
import { referenceLabel } from '../../src/lib/measures/benchmark-reference';
import { benchmarkTable, showBenchmark } from '../../src/lib/measures/benchmark-view';

/** One folder per case: the benchmark rows of one indicator and source, and what the national column is. */
interface Case {
	why: string;
	rows: Pick<
		BenchmarkRow,
		'niveau' | 'gemeente' | 'gemeente_naam' | 'jaar' | 'waarde' | 'teller' | 'noemer'
	>[];
	per: number;
	expected: { label: string; fromCbs: boolean; value: number };
}

const DIR = 'tests/fixtures/benchmark-reference';
const cases = fixtureCases<Case>(DIR);
const full = (r: Case['rows'][number]): BenchmarkRow => ({
	provincie: null,
	inwonertal: null,
	grootteklasse: null,
	aandeel_65plus: null,
	aandeel_jeugd: null,
	status: null,
	...r
});

describe('"Nederland" only for Nederland', () => {
	test.each(cases)('%s', (_, c) => {
		const b = computeBenchmark({
			rows: c.rows.map(full),
			gemeente: 'GM9001',
			peers: { kind: 'namen', codes: ['GM9002'] },
			per: c.per
		});
		expect(b.nederlandLabel).toBe(c.expected.label);
		expect(b.nederlandFromCbs).toBe(c.expected.fromCbs);
		expect(b.years[0]!.nederland.value).toBe(c.expected.value);
	});

	test('the label names the number of gemeenten summed, and is never "Nederland" for a sum', () => {
		expect(referenceLabel({ nederland: false, gemeenten: 2 })).toBe('Alle gemeenten in deze release (2)');
		expect(referenceLabel({ nederland: false, gemeenten: 342 })).not.toContain('Nederland');
		expect(referenceLabel({ nederland: true, gemeenten: 2 })).toBe('Nederland');
	});
});

describe('one unit per benchmark: the indicator’s own', () => {
	const c = cases.find(([name]) => name === 'cbs-nederland')![1];
	const source = {
		indicator: 'bbv-32-wmo',
		bron: 'cbs' as const,
		tabel: '86050NED',
		eenheid: 'per 1.000' as const,
		eenheid_tekst: 'per 1 000 inwoners',
		gemeenten: 2,
		eerste_jaar: 2024,
		laatste_jaar: 2024
	};

	test('CBS per 1 000 inwoners is shown per 10.000 inwoners on BBV 32, and says it was converted', () => {
		const shown = showBenchmark({
			rows: c.rows.map(full),
			gemeente: 'GM9001',
			peers: { kind: 'namen', codes: ['GM9002'] },
			source
		});
		expect(shown.source.eenheid).toBe('per 10.000');
		expect(shown.source.eenheid_tekst).toMatch(
			/^per 10\.000 inwoners \(CBS publiceert per 1 000 inwoners; .*× 10\)$/
		);
		const y = shown.benchmark.years[0]!;
		expect([y.own, y.nederland.value, y.peers.value]).toEqual([1000, 740, 600]);
		// The rank does not change with the unit.
		expect(y.rank?.position).toBe(1);
		// The download gives what is shown: converted values, the unit in the header.
		const table = benchmarkTable({
			indicator: { id: 'bbv-32-wmo', number: 32, title: 'Cliënten met een maatwerkarrangement Wmo' },
			sources: [source],
			...shown,
			chart: '',
			gemeenten: []
		});
		expect(table.columns.find((col) => col.key === 'own')?.label).toContain('per 10.000 inwoners');
		expect(table.rows[0]!['own']).toBe(1000);
	});

	test('a source whose population differs keeps its own unit', () => {
		const shown = showBenchmark({
			rows: c.rows.map(full),
			gemeente: 'GM9001',
			peers: { kind: 'klasse' },
			source: { ...source, indicator: 'bbv-27-bijstand' }
		});
		expect(shown.source.eenheid_tekst).toBe('per 1 000 inwoners');
		expect(shown.benchmark.years[0]!.own).toBe(100);
	});
});
