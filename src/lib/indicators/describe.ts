import { formatValue, type Unit } from '../format';
import { baselineText } from './describe-baseline';
import type { MeasureKind } from './measure-kind';
import type { Baseline, Direction, Norm, Observation } from './types';

/**
 * The rule a norm applies, in plain Dutch, shown next to every status. Significance is explained
 * only for survey figures: a registration count has no sampling error, so every difference counts.
 */
export function describeNorm(options: {
	norm: Norm;
	direction: Direction;
	unit: Unit;
	kind: MeasureKind;
}): string {
	const { norm, direction, unit } = options;
	switch (norm.kind) {
		case 'target':
			return `Behaald als de realisatie in ${norm.year} ${direction === 'higher' ? 'minstens' : 'hoogstens'} ${formatValue(norm.value, unit)} is. Daarvoor: op koers als de realisatie minstens zo goed is als het rechte pad van nulsituatie naar norm${norm.milestones?.length ? ' (via de tussentijdse streefcijfers)' : ''}.`;
		case 'minimum':
			return `Behaald als de realisatie in ${norm.year} minstens ${formatValue(norm.value, unit)} is. Daarvoor: op koers als de realisatie op of boven het rechte pad van nulsituatie naar norm ligt.`;
		case 'maximum':
			return `Behaald als de realisatie in ${norm.year} hoogstens ${formatValue(norm.value, unit)} is. Daarvoor: op koers als de realisatie op of onder het rechte pad van nulsituatie naar norm ligt.`;
		case 'rise':
		case 'fall': {
			const verb = norm.kind === 'rise' ? 'gestegen' : 'gedaald';
			const opposite = norm.kind === 'rise' ? 'hoger dan of gelijk aan' : 'lager dan of gelijk aan';
			const core = norm.strict
				? `Behaald als de realisatie in ${norm.year} ${verb} is ten opzichte van ${norm.referenceYear}.`
				: `Behaald als de realisatie in ${norm.year} ${opposite} die in ${norm.referenceYear} is.`;
			return `${core} ${changeRule(options.kind)}`;
		}
		case 'none':
			return 'Geen norm: deze indicator wordt alleen gevolgd.';
	}
}

/** How a difference counts, by the kind of figure. */
function changeRule(kind: MeasureKind): string {
	switch (kind) {
		case 'survey':
			return 'Dit is een enquêtecijfer: een verschil telt alleen als het statistisch significant is (95%).';
		case 'registration':
			return 'Dit is een telling uit de registratie, geen steekproef: elk verschil telt.';
	}
}

/**
 * The nulsituatie in the words of the document when it states a value; one taken from the data
 * with its value, year and source.
 */
export function describeBaseline(options: {
	baseline: Baseline;
	unit: Unit;
	observations: readonly Observation[];
	source?: string;
}): string {
	const { baseline } = options;
	return baseline.kind === 'value' && baseline.text ? baseline.text : baselineText(options);
}
