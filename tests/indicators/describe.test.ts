import { describe, expect, test } from 'vitest';
import { describeNorm } from '../../src/lib/indicators/describe';
import type { Unit } from '../../src/lib/format';
import { measureKind, type MeasureKind } from '../../src/lib/indicators/measure-kind';
import type { Direction, Norm } from '../../src/lib/indicators/types';
import type { MeasureTable } from '../../src/lib/measures/tables';
import { fixtureCases } from '../helpers/fixture-cases';

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
			'Behaald als de realisatie in 2016 gestegen is ten opzichte van 2014. Dit is een telling uit de registratie, geen steekproef: elk verschil telt.'
		],
		[
			{ kind: 'fall', referenceYear: 2014, year: 2018, strict: false },
			'lower',
			'Behaald als de realisatie in 2018 lager dan of gelijk aan die in 2014 is. Dit is een telling uit de registratie, geen steekproef: elk verschil telt.'
		],
		[{ kind: 'none' }, 'higher', 'Geen norm: deze indicator wordt alleen gevolgd.']
	] as const)('%o (%s)', (norm, direction, rule) => {
		expect(describeNorm({ norm: norm as never, direction, unit: 'aantal', kind: 'registration' })).toBe(rule);
	});
});

interface ToetsregelCase {
	measure: { table: MeasureTable } | null;
	norm: Norm;
	direction: Direction;
	unit: Unit;
	kind: MeasureKind;
	rule: string;
}

describe('the toetsregel fits the kind of figure: significance only for survey figures', () => {
	test.each(fixtureCases<ToetsregelCase>('tests/fixtures/indicators/toetsregel'))('%s', (_, c) => {
		const kind = measureKind({ measure: c.measure });
		expect(kind).toBe(c.kind);
		const rule = describeNorm({ norm: c.norm, direction: c.direction, unit: c.unit, kind });
		expect(rule).toBe(c.rule);
		if (kind === 'registration') expect(rule).not.toContain('significant');
	});
});
