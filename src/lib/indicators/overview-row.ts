import { formatNumber, formatValue, type Unit } from '../format';
import { baselineValue, normText } from './describe-baseline';
import type { Baseline, Judgement, Norm, Observation, StatusKind } from './types';

/** One streefdoel as a line of the programme's overview: every figure already in Dutch. */
export interface OverviewRow {
	id: string;
	title: string;
	status: StatusKind;
	/** the year the status judges, as written ("2017" or "1-1-2017"); null when nothing was judged */
	judged: string | null;
	baseline: string;
	latest: string;
	norm: string;
	/** the latest realisatie minus the nulsituatie ("+630", "−2,1 procentpunt"); "–" when either is missing */
	change: string;
}

/**
 * The overview's line for a streefdoel: its status and judged year, nulsituatie, latest published
 * realisatie, norm and the change between the nulsituatie and that realisatie. A streefdoel without
 * measurement passes no observations and a judgement of onbekend.
 */
export function overviewRow(options: {
	id: string;
	title: string;
	unit: Unit;
	baseline: Baseline;
	norm: Norm;
	observations: readonly Observation[];
	judgement: Pick<Judgement, 'status' | 'year'>;
	/** counted on 1 January: years are written as 1-1-jjjj */
	peildatum?: boolean;
}): OverviewRow {
	const { unit, judgement } = options;
	const when = (year: number) => (options.peildatum ? `1-1-${year}` : String(year));
	const base = baselineValue({ baseline: options.baseline, observations: options.observations });
	const latest = [...options.observations]
		.filter((o): o is Observation & { value: number } => o.value !== null)
		.sort((a, b) => a.year - b.year)
		.at(-1);
	const hasBase = base !== null && base.value !== null;
	return {
		id: options.id,
		title: options.title,
		status: judgement.status,
		judged: judgement.year === null ? null : when(judgement.year),
		baseline: hasBase ? `${formatValue(base.value, unit)} (${when(base.year)})` : '–',
		latest: latest ? `${formatValue(latest.value, unit)} (${when(latest.year)})` : '–',
		norm: normText({ norm: options.norm, unit }),
		change:
			hasBase && latest && latest.year !== base.year ? signedChange(latest.value - base.value!, unit) : '–'
	};
}

/** A difference with its sign (a real minus, U+2212); percentages move in procentpunten. */
function signedChange(diff: number, unit: Unit): string {
	const decimals = unit === 'aantal' ? 0 : 1;
	const rounded = Math.round(diff * 10 ** decimals) / 10 ** decimals;
	const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
	const number = `${sign}${formatNumber(Math.abs(rounded), { decimals })}`;
	return unit === 'procent' ? `${number} procentpunt` : number;
}
