import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, test } from 'vitest';
import { readManifest } from '../../src/lib/db/node.server';
import { BBV_INDICATORS } from '../../src/lib/measures/bbv';
import { BBV_SET, bbvAvailability } from '../../src/lib/measures/bbv-set';

describe('the BBV set of the sociaal domein (21–32)', () => {
	test('every indicator once, in order; titles as the reference lists them; own indicators exist', () => {
		expect(BBV_SET.map((d) => d.number)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
		const reference = csvParse(
			readFileSync('data/reference/begroting/bbv_beleidsindicatoren_sociaal_domein.csv', 'utf8')
		);
		for (const row of reference.filter((r) => r['bbv_nr'])) {
			const d = BBV_SET.find((x) => x.number === Number(row['bbv_nr']));
			expect(d?.title, `BBV ${row['bbv_nr']}`).toBe(row['indicator']);
		}
		const own = BBV_INDICATORS.map((b) => b.id);
		for (const d of BBV_SET) if (d.own) expect(own).toContain(d.own);
		// 27, 28 and 32 were per 1.000 before: the history is part of the definition.
		expect(BBV_SET.filter((d) => d.unitHistory).map((d) => d.number)).toEqual([27, 28, 32]);
	});

	test('against the sample release: which come from own data, which from CBS, which neither', () => {
		const set = bbvAvailability({ cbs: readManifest('static/data').cbs, sample: true });
		const by = Object.fromEntries(set.map((d) => [d.number, d]));
		expect(set.filter((d) => d.fromOwn).map((d) => d.number)).toEqual([27, 29, 32]);
		expect(set.filter((d) => d.fromCbs).map((d) => d.number)).toEqual([32]);
		expect(by[32]!.explanation).toBe(
			'berekend uit de eigen registratie van de gemeente; en voorbeelddata in de vorm van CBS-tabel 86050NED (per 1 000 inwoners), geen echte CBS-cijfers. Omgerekend naar de BBV-eenheid: per 10.000 inwoners (CBS publiceert per 1 000 inwoners; hier omgerekend, × 10).'
		);
		expect(by[21]!.explanation).toBe(
			'Niet in deze release: gepubliceerd door LISA (vestigingenregister); Koers heeft er geen registratie voor.'
		);
		expect(by[27]!.explanation).toBe('berekend uit de eigen registratie van de gemeente.');
	});

	test('with the real release (npm run echt): 27–32 have real CBS values, each in CBS’s unit, the rest keep their reason', () => {
		const set = bbvAvailability({ cbs: undefined, realCbs: readManifest('static/echt').cbs });
		const real = set.filter((d) => d.explanation.includes('Echte cijfers voor alle gemeenten'));
		expect(real.map((d) => [d.number, d.published.table])).toEqual([
			[27, '84799NED'],
			[28, '85588NED'],
			[29, '85098NED'],
			[30, '85098NED'],
			[31, '85098NED'],
			[32, '86050NED']
		]);
		const by = Object.fromEntries(set.map((d) => [d.number, d]));
		expect(by[28]!.explanation).toContain('CBS-tabel 85588NED (aantal; Bron: CBS)');
		expect(by[28]!.published.unitNote).toContain('per 10.000 inwoners van 15–64 jaar is niet te berekenen');
		expect(by[21]!.explanation).toBe(
			'Niet in deze release: gepubliceerd door LISA (vestigingenregister); Koers heeft er geen registratie voor.'
		);
	});

	test('without CBS tables, 32 comes from the registrations only', () => {
		const set = bbvAvailability({ cbs: undefined });
		expect(set.find((d) => d.number === 32)!.fromCbs).toBeNull();
	});
});
