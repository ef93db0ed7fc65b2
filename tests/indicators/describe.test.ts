import { describe, expect, test } from 'vitest';
import { describeNorm } from '../../src/lib/indicators/describe';

describe('the rule next to every status, in Dutch with nl-NL numbers', () => {
	test.each([
		[
			{ kind: 'target', value: 1475, year: 2016, milestones: [{ year: 2015, value: 1455 }] },
			'lower',
			'Behaald als de realisatie in 2016 hoogstens 1.475 is. Daarvoor: op koers als de realisatie minstens zo goed is als het rechte pad van nulsituatie naar norm (via de tussentijdse streefcijfers).'
		],
		[
			{ kind: 'minimum', value: 475, year: 2018 },
			'higher',
			'Behaald als de realisatie in 2018 minstens 475 is. Daarvoor: op koers als de realisatie op of boven het rechte pad van nulsituatie naar norm ligt.'
		],
		[
			{ kind: 'maximum', value: 12, year: 2020 },
			'lower',
			'Behaald als de realisatie in 2020 hoogstens 12 is. Daarvoor: op koers als de realisatie op of onder het rechte pad van nulsituatie naar norm ligt.'
		],
		[
			{ kind: 'rise', referenceYear: 2014, year: 2016, strict: true },
			'higher',
			'Behaald als de realisatie in 2016 gestegen is ten opzichte van 2014. Bij enquêtecijfers telt een verschil alleen als het statistisch significant is (95%).'
		],
		[
			{ kind: 'fall', referenceYear: 2014, year: 2018, strict: false },
			'lower',
			'Behaald als de realisatie in 2018 lager dan of gelijk aan die in 2014 is. Bij enquêtecijfers telt een verschil alleen als het statistisch significant is (95%).'
		],
		[{ kind: 'none' }, 'higher', 'Geen norm: deze indicator wordt alleen gevolgd.']
	] as const)('%o (%s)', (norm, direction, rule) => {
		expect(describeNorm({ norm: norm as never, direction, unit: 'aantal' })).toBe(rule);
	});
});
