import { formatValue, type Unit } from '../format';
import type { Baseline, Direction, Norm } from './types';

/** The rule a norm applies, in plain Dutch, shown next to every status. */
export function describeNorm(options: { norm: Norm; direction: Direction; unit: Unit }): string {
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
			return `${core} Bij enquêtecijfers telt een verschil alleen als het statistisch significant is (95%).`;
		}
		case 'none':
			return 'Geen norm: deze indicator wordt alleen gevolgd.';
	}
}

/** The nulsituatie as a short Dutch text. */
export function describeBaseline(options: { baseline: Baseline; unit: Unit }): string {
	const { baseline, unit } = options;
	switch (baseline.kind) {
		case 'value':
			return baseline.text ?? `${formatValue(baseline.value, unit)} (${baseline.year})`;
		case 'from-data':
			return baseline.text ?? `realisatie van ${baseline.year}`;
		case 'pending':
			return baseline.text;
	}
}
