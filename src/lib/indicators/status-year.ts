import { formatValue, type Unit } from '../format';
import { compareEstimates } from './significance';
import type { Judgement, Norm, Observation } from './types';

/**
 * Which year a status judges, and how the figure shown beside it moved since, in one Dutch sentence:
 * "Status beoordeeld op 2017 (normjaar 2017); sindsdien gestegen van 3.380 naar 4.010 (2024)."
 * A status judged in the norm year stays, while later realisaties are shown beside it: without this
 * sentence a reader sees a rising figure next to "✓ behaald" for a fall. Null without a judged year
 * (geen norm, or onbekend for want of a measurement: the reason says why).
 */
export function statusYearNote(options: {
	judgement: Pick<Judgement, 'year' | 'value'>;
	norm: Norm;
	observations: readonly Observation[];
	unit: Unit;
	/** counted on 1 January: the year is written as 1-1-jjjj */
	peildatum?: boolean;
	/** a survey estimate: a movement is only called a rise or fall when significant */
	survey?: boolean;
}): string | null {
	const { judgement, norm, unit } = options;
	if (judgement.year === null) return null;
	const when = (year: number) => (options.peildatum ? `1-1-${year}` : String(year));
	const judged = `Status beoordeeld op ${when(judgement.year)}${norm.kind === 'none' ? '' : ` (normjaar ${norm.year})`}`;
	const latest = [...options.observations]
		.filter((o) => o.value !== null)
		.sort((a, b) => a.year - b.year)
		.at(-1);
	if (!latest || latest.year <= judgement.year) return `${judged}.`;
	const at = when(latest.year);
	if (judgement.value === null)
		return `${judged}; sindsdien gemeten: ${formatValue(latest.value, unit)} (${at}).`;
	const { word, note } = movement({
		from: judgement,
		to: latest,
		observations: options.observations,
		survey: options.survey ?? false
	});
	const range = `van ${formatValue(judgement.value, unit)} naar ${formatValue(latest.value, unit)}`;
	return `${judged}; sindsdien ${word ? `${word} ` : ''}${range} (${note ? `${at}; ${note}` : at}).`;
}

/**
 * The word for a movement: plain for counts; for survey figures a rise or fall only when significant,
 * otherwise no word and a note why.
 */
function movement(options: {
	from: Pick<Judgement, 'year' | 'value'>;
	to: Observation;
	observations: readonly Observation[];
	survey: boolean;
}): { word: string; note: string | null } {
	const { from, to } = options;
	const diff = (to.value ?? 0) - (from.value ?? 0);
	const plain = diff > 0 ? 'gestegen' : diff < 0 ? 'gedaald' : 'gelijk gebleven';
	if (!options.survey || diff === 0) return { word: plain, note: null };
	const fromSe = options.observations.find((o) => o.year === from.year)?.standardError;
	const toSe = to.standardError;
	if (fromSe === null || fromSe === undefined || toSe === null || toSe === undefined)
		return { word: plain, note: 'significantie niet getoetst' };
	const d = compareEstimates({
		value: to.value ?? 0,
		standardError: toSe,
		reference: from.value ?? 0,
		referenceStandardError: fromSe
	});
	return d.significant
		? { word: `significant ${plain}`, note: null }
		: { word: '', note: 'verschil niet significant' };
}
