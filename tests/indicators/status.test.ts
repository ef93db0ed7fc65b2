import { describe, expect, test } from 'vitest';
import { judge, judgeStreefdoel, interpolate } from '../../src/lib/indicators/status';
import { describeNorm } from '../../src/lib/indicators/describe';
import type { Baseline, Norm, Observation, StatusKind } from '../../src/lib/indicators/types';

const obs = (pairs: [number, number | null][]): Observation[] =>
	pairs.map(([year, value]) => ({ year, value }));
const value = (v: number, year: number): Baseline => ({ kind: 'value', value: v, year });

interface Case {
	name: string;
	norm: Norm;
	direction?: 'higher' | 'lower';
	baseline?: Baseline;
	observations: Observation[];
	asOf?: number;
	status: StatusKind;
	reason?: RegExp;
}

// Every norm kind of the domain notes, on both sides of its boundary.
const cases: Case[] = [
	// A number for a year: uitstroom 405 (2013) → 455 (2015) → 475 (2016).
	{
		name: 'target met exactly',
		norm: { kind: 'target', value: 475, year: 2016 },
		baseline: value(405, 2013),
		observations: obs([[2016, 475]]),
		status: 'behaald'
	},
	{
		name: 'target missed by one',
		norm: { kind: 'target', value: 475, year: 2016 },
		baseline: value(405, 2013),
		observations: obs([[2016, 474]]),
		status: 'niet behaald'
	},
	{
		name: 'target, lower is better, met',
		direction: 'lower',
		norm: { kind: 'target', value: 100, year: 2016 },
		observations: obs([[2016, 100]]),
		status: 'behaald'
	},
	{
		name: 'target, lower is better, missed',
		direction: 'lower',
		norm: { kind: 'target', value: 100, year: 2016 },
		observations: obs([[2016, 101]]),
		status: 'niet behaald'
	},
	{
		name: 'target before norm year on the milestone path',
		norm: { kind: 'target', value: 475, year: 2016, milestones: [{ year: 2015, value: 455 }] },
		baseline: value(405, 2013),
		observations: obs([[2015, 455]]),
		status: 'op koers'
	},
	{
		name: 'target before norm year below the milestone path',
		norm: { kind: 'target', value: 475, year: 2016, milestones: [{ year: 2015, value: 455 }] },
		baseline: value(405, 2013),
		observations: obs([[2015, 454]]),
		status: 'achter op koers'
	},
	{
		name: 'target before norm year without nulsituatie',
		norm: { kind: 'target', value: 475, year: 2016 },
		baseline: { kind: 'pending', text: 'wordt eind 2015 vastgesteld' },
		observations: obs([[2015, 400]]),
		status: 'onbekend',
		reason: /nulsituatie ontbreekt/
	},
	// A percentage, minimum: minimaal 75%.
	{
		name: 'minimum met at the boundary',
		norm: { kind: 'minimum', value: 75, year: 2016 },
		observations: obs([[2016, 75]]),
		status: 'behaald'
	},
	{
		name: 'minimum just below',
		norm: { kind: 'minimum', value: 75, year: 2016 },
		observations: obs([[2016, 74.9]]),
		status: 'niet behaald'
	},
	// A score: gemiddeld 7 op 10.
	{
		name: 'score met',
		norm: { kind: 'minimum', value: 7, year: 2016 },
		observations: obs([[2016, 7]]),
		status: 'behaald'
	},
	{
		name: 'score missed',
		norm: { kind: 'minimum', value: 7, year: 2016 },
		observations: obs([[2016, 6.9]]),
		status: 'niet behaald'
	},
	{
		name: 'maximum met',
		norm: { kind: 'maximum', value: 10, year: 2016 },
		observations: obs([[2016, 10]]),
		status: 'behaald'
	},
	{
		name: 'maximum missed',
		norm: { kind: 'maximum', value: 10, year: 2016 },
		observations: obs([[2016, 10.1]]),
		status: 'niet behaald'
	},
	// A strict direction against a reference year (registrations: no margin).
	{
		name: 'strict fall, fell by one',
		norm: { kind: 'fall', referenceYear: 2015, year: 2017, strict: true },
		observations: obs([
			[2015, 3385],
			[2017, 3384]
		]),
		status: 'behaald'
	},
	{
		name: 'strict fall, equal',
		norm: { kind: 'fall', referenceYear: 2015, year: 2017, strict: true },
		observations: obs([
			[2015, 3385],
			[2017, 3385]
		]),
		status: 'niet behaald'
	},
	{
		name: 'strict rise before norm year, rising',
		norm: { kind: 'rise', referenceYear: 2014, year: 2016, strict: true },
		observations: obs([
			[2014, 10],
			[2015, 11]
		]),
		status: 'op koers'
	},
	{
		name: 'strict rise before norm year, falling',
		norm: { kind: 'rise', referenceYear: 2014, year: 2016, strict: true },
		observations: obs([
			[2014, 10],
			[2015, 9]
		]),
		status: 'achter op koers'
	},
	// A non-strict direction: gelijk aan of lager dan in 2015.
	{
		name: 'non-strict fall, equal',
		norm: { kind: 'fall', referenceYear: 2015, year: 2016, strict: false },
		observations: obs([
			[2015, 500],
			[2016, 500]
		]),
		status: 'behaald'
	},
	{
		name: 'non-strict fall, one higher',
		norm: { kind: 'fall', referenceYear: 2015, year: 2016, strict: false },
		observations: obs([
			[2015, 500],
			[2016, 501]
		]),
		status: 'niet behaald'
	},
	// No norm.
	{ name: 'no norm', norm: { kind: 'none' }, observations: obs([[2016, 1]]), status: 'geen norm' },
	// Onbekend, with the reason.
	{
		name: 'no measurement at all',
		norm: { kind: 'minimum', value: 75, year: 2016 },
		observations: [],
		status: 'onbekend',
		reason: /geen meting/
	},
	{
		name: 'no measurement in the norm year',
		norm: { kind: 'minimum', value: 75, year: 2016 },
		observations: obs([
			[2015, 80],
			[2017, 80]
		]),
		status: 'onbekend',
		reason: /normjaar 2016/
	},
	{
		name: 'suppressed value',
		norm: { kind: 'fall', referenceYear: 2015, year: 2016, strict: true },
		observations: obs([
			[2015, 20],
			[2016, null]
		]),
		status: 'onbekend',
		reason: /onderdrukt/
	},
	{
		name: 'no reference value',
		norm: { kind: 'rise', referenceYear: 2015, year: 2016, strict: true },
		baseline: { kind: 'pending', text: 'Nulsituatie wordt eind 2015 vastgesteld.' },
		observations: obs([[2016, 50]]),
		status: 'onbekend',
		reason: /referentiejaar 2015/
	},
	{
		name: 'unit changed',
		norm: { kind: 'rise', referenceYear: 2014, year: 2016, strict: true },
		observations: [
			{ year: 2014, value: 30, unit: 'per 1.000' },
			{ year: 2016, value: 310, unit: 'per 10.000' }
		],
		status: 'onbekend',
		reason: /eenheid of definitie/
	},
	{
		name: 'nulsituatie from data',
		norm: { kind: 'fall', referenceYear: 2015, year: 2017, strict: true },
		baseline: { kind: 'from-data', year: 2015 },
		observations: obs([
			[2015, 100],
			[2017, 90]
		]),
		status: 'behaald'
	}
];

describe('judge', () => {
	test.each(cases)('$name → $status', (c) => {
		const j = judge({
			direction: c.direction ?? 'higher',
			unit: 'aantal',
			baseline: c.baseline ?? { kind: 'pending', text: '-' },
			norm: c.norm,
			observations: c.observations,
			asOf: c.asOf
		});
		expect(j.status).toBe(c.status);
		if (c.reason) expect(j.reason).toMatch(c.reason);
		expect(j.rule).toBe(
			describeNorm({ norm: c.norm, direction: c.direction ?? 'higher', unit: 'aantal', kind: 'registration' })
		);
	});

	test('a survey rise is only behaald when significant', () => {
		const base = {
			direction: 'higher' as const,
			unit: 'schaalscore' as const,
			baseline: value(4.4, 2014),
			norm: { kind: 'rise', referenceYear: 2014, year: 2016, strict: true } as Norm
		};
		const significant = judge({
			...base,
			observations: [
				{ year: 2014, value: 4.4, standardError: 0.04 },
				{ year: 2016, value: 4.6, standardError: 0.04 }
			]
		});
		expect(significant.status).toBe('behaald');
		expect(significant.reason).toMatch(/significant gestegen/);
		// 0,1 difference with margin 1,96·√(0,04²+0,04²) = 0,111: not significant.
		const notSignificant = judge({
			...base,
			observations: [
				{ year: 2014, value: 4.4, standardError: 0.04 },
				{ year: 2016, value: 4.5, standardError: 0.04 }
			]
		});
		expect(notSignificant.status).toBe('niet behaald');
		expect(notSignificant.reason).toMatch(/verschil niet significant/);
	});

	test('a non-strict survey norm holds unless significantly worse', () => {
		const base = {
			direction: 'lower' as const,
			unit: 'schaalscore' as const,
			baseline: value(2.2, 2014),
			norm: { kind: 'fall', referenceYear: 2014, year: 2016, strict: false } as Norm
		};
		expect(
			judge({
				...base,
				observations: [
					{ year: 2014, value: 2.2, standardError: 0.05 },
					{ year: 2016, value: 2.3, standardError: 0.05 }
				]
			}).status
		).toBe('behaald');
		expect(
			judge({
				...base,
				observations: [
					{ year: 2014, value: 2.2, standardError: 0.05 },
					{ year: 2016, value: 2.4, standardError: 0.05 }
				]
			}).status
		).toBe('niet behaald');
	});

	test('after the norm year the status is judged on the norm year', () => {
		const j = judge({
			direction: 'higher',
			unit: 'aantal',
			baseline: value(405, 2013),
			norm: { kind: 'target', value: 475, year: 2016 },
			observations: obs([
				[2016, 480],
				[2017, 300]
			])
		});
		expect(j).toMatchObject({ status: 'behaald', year: 2016, value: 480 });
	});
});

describe('interpolate', () => {
	test('on the straight path between points', () => {
		expect(
			interpolate(
				[
					{ year: 2013, value: 405 },
					{ year: 2015, value: 455 },
					{ year: 2016, value: 475 }
				],
				2014
			)
		).toBe(430);
		expect(
			interpolate(
				[
					{ year: 2013, value: 405 },
					{ year: 2016, value: 475 }
				],
				2012
			)
		).toBeNull();
	});
});

describe('survey figures without a standard error (figures per buurt, no microdata)', () => {
	const streefdoel = {
		direction: 'higher' as const,
		unit: 'schaalscore' as const,
		baseline: { kind: 'from-data' as const, year: 2014 },
		norm: { kind: 'rise' as const, referenceYear: 2014, year: 2016, strict: true },
		source: 'Buurt-voor-Buurt onderzoek'
	};
	const observations = [
		{ year: 2014, value: 5.2, standardError: null },
		{ year: 2016, value: 5.6, standardError: null }
	];

	test('a survey measure says significance could not be tested, and never calls the difference significant', () => {
		const { judgement } = judgeStreefdoel({
			streefdoel: { ...streefdoel, measure: { table: 'bvb_schaalscores' } },
			observations,
			measured: true
		});
		expect(judgement.reason).toContain('Significantie niet getoetst');
		expect(judgement.reason).not.toMatch(/significant (gestegen|gedaald)/);
	});

	test('a registration measure has no significance to mention', () => {
		const { judgement } = judgeStreefdoel({
			streefdoel: { ...streefdoel, unit: 'aantal', measure: { table: 'wmo_clienten' } },
			observations,
			measured: true
		});
		expect(judgement.reason).not.toContain('Significantie');
	});
});
