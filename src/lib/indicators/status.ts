import { compareEstimates } from './significance';
import type { Baseline, Direction, Judgement, Norm, Observation } from './types';
import { formatNumber, type Unit, formatValue } from '../format';
import { describeNorm } from './describe';
import { baselineValue } from './describe-baseline';
import type { MeasureTable } from '../measures/tables';
import { measureKind } from './measure-kind';
import { statusYearNote } from './status-year';

/** Everything needed to judge one streefdoel. */
export interface JudgeOptions {
	direction: Direction;
	unit: Unit;
	baseline: Baseline;
	norm: Norm;
	observations: Observation[];
	/** judge as of this year (default: the latest year with a realisatie) */
	asOf?: number;
	/**
	 * a survey measure: a difference counts only when significant; without a standard error
	 * (figures per buurt, no microdata) the judgement says significance could not be tested
	 */
	survey?: boolean;
}

type Mode = 'final' | 'interim';

/**
 * Judges a streefdoel: behaald / niet behaald in or after the norm year, op koers / achter op koers
 * before it (on the straight path from nulsituatie to norm), geen norm, or onbekend with the reason.
 */
export function judge(options: JudgeOptions): Judgement {
	const { norm, observations } = options;
	const survey =
		options.survey ?? observations.some((o) => o.standardError !== null && o.standardError !== undefined);
	const rule = describeNorm({
		norm: options.norm,
		direction: options.direction,
		unit: options.unit,
		kind: survey ? 'survey' : 'registration'
	});
	const result = (status: Judgement['status'], reason: string, obs?: Observation): Judgement => ({
		status,
		rule,
		reason,
		year: obs?.year ?? null,
		value: obs?.value ?? null
	});

	if (norm.kind === 'none') return result('geen norm', 'Alleen monitoring: er is geen norm vastgesteld.');

	const years = observations.map((o) => o.year);
	const horizon = options.asOf ?? (years.length > 0 ? Math.max(...years) : undefined);
	if (horizon === undefined) return result('onbekend', 'Er is nog geen meting beschikbaar.');

	const mode: Mode = horizon >= norm.year ? 'final' : 'interim';
	const obs =
		mode === 'final' ? observations.find((o) => o.year === norm.year) : latestUpTo(observations, horizon);
	if (!obs) {
		return result(
			'onbekend',
			mode === 'final'
				? `Er is geen meting voor het normjaar ${norm.year}.`
				: `Er is nog geen meting tot en met ${horizon}.`
		);
	}
	if (obs.value === null) {
		return result('onbekend', `De waarde voor ${obs.year} is onderdrukt (te kleine aantallen).`, obs);
	}
	const context: Context = { options, obs, value: obs.value, mode, result };
	return norm.kind === 'rise' || norm.kind === 'fall'
		? judgeChange(context, norm)
		: judgeLevel(context, norm, resolveBaseline(options.baseline, observations));
}

/** What both kinds of norm judge with: the measurement in view, and how a judgement is made. */
interface Context {
	options: JudgeOptions;
	obs: Observation;
	value: number;
	/** final: in or after the norm year (behaald / niet behaald); interim: before it (op koers or not) */
	mode: Mode;
	result: (status: Judgement['status'], reason: string, obs?: Observation) => Judgement;
}

/**
 * A level to reach (streefwaarde, minimum, maximum): met or not in the norm year; before it, on
 * course when at least as good as the straight path from nulsituatie (via milestones) to the norm.
 */
function judgeLevel(
	{ options, obs, value, mode, result }: Context,
	norm: Extract<Norm, { kind: 'target' | 'minimum' | 'maximum' }>,
	baseline: { year: number; value: number } | null
): Judgement {
	const better: Direction =
		norm.kind === 'minimum' ? 'higher' : norm.kind === 'maximum' ? 'lower' : options.direction;
	const meets = atLeastAsGood(value, norm.value, better);
	const shown = `${formatValue(value, options.unit)} in ${obs.year} tegen norm ${formatValue(norm.value, options.unit)}`;
	if (mode === 'final') return result(meets ? 'behaald' : 'niet behaald', `${shown}.`, obs);
	if (meets) return result('op koers', `${shown}: de norm is al gehaald.`, obs);
	if (!baseline)
		return result(
			'onbekend',
			'De nulsituatie ontbreekt, dus er is geen pad naar de norm om aan te toetsen.',
			obs
		);
	const path = [
		baseline,
		...(norm.kind === 'target' ? (norm.milestones ?? []) : []),
		{ year: norm.year, value: norm.value }
	];
	const expected = interpolate(path, obs.year);
	if (expected === null) return result('onbekend', 'De meting ligt vóór de nulsituatie.', obs);
	const onTrack = atLeastAsGood(value, expected, better);
	return result(
		onTrack ? 'op koers' : 'achter op koers',
		`${formatValue(value, options.unit)} in ${obs.year}; op het pad van nulsituatie naar norm hoort daar ${formatNumber(expected, { decimals: options.unit === 'aantal' ? 0 : 1 })} bij.`,
		obs
	);
}

/**
 * A rise or fall against a reference year. With standard errors on both sides only a significant
 * difference counts; without them the plain difference does (and the reason says it was not tested).
 */
function judgeChange(
	{ options, obs, value, mode, result }: Context,
	norm: Extract<Norm, { kind: 'rise' | 'fall' }>
): Judgement {
	const { observations } = options;
	const baseline = resolveBaseline(options.baseline, observations);
	const reference = observations.find((o) => o.year === norm.referenceYear);
	const refValue =
		reference?.value ?? (baseline && baseline.year === norm.referenceYear ? baseline.value : null);
	if (refValue === null || refValue === undefined)
		return result('onbekend', `Er is geen waarde voor het referentiejaar ${norm.referenceYear}.`, obs);
	if (reference?.unit && obs.unit && reference.unit !== obs.unit)
		return result(
			'onbekend',
			`De eenheid of definitie is gewijzigd tussen ${norm.referenceYear} en ${obs.year}; vergelijken kan niet.`,
			obs
		);
	const want = norm.kind === 'rise' ? 1 : -1;
	const se = obs.standardError;
	const refSe =
		reference?.value !== null && reference?.value !== undefined ? reference.standardError : undefined;
	const good = (ok: boolean) =>
		mode === 'final' ? (ok ? 'behaald' : 'niet behaald') : ok ? 'op koers' : 'achter op koers';
	const compared = `${formatValue(value, options.unit)} in ${obs.year} tegen ${formatValue(refValue, options.unit)} in ${norm.referenceYear}`;
	if (se !== undefined && se !== null && refSe !== undefined && refSe !== null) {
		const d = compareEstimates({
			value,
			standardError: se,
			reference: refValue,
			referenceStandardError: refSe
		});
		const margin = `verschil ${signed(d.difference)} ± ${formatNumber(d.margin, { decimals: 2 })}`;
		// Not significant: no rise and no fall. A strict norm is then not met; a non-strict one is.
		if (!d.significant)
			return result(good(!norm.strict), `${compared}: verschil niet significant (${margin}).`, obs);
		const rightWay = Math.sign(d.difference) === want;
		const word = d.difference > 0 ? 'significant gestegen' : 'significant gedaald';
		return result(good(rightWay), `${compared}: ${word} (${margin}).`, obs);
	}
	const diff = value - refValue;
	const ok = norm.strict ? diff * want > 0 : diff * want >= 0;
	const word = diff > 0 ? 'gestegen' : diff < 0 ? 'gedaald' : 'gelijk gebleven';
	const untested = options.survey
		? ' Significantie niet getoetst: zonder respondentgegevens (alleen cijfers per buurt) is er geen standaardfout.'
		: '';
	return result(good(ok), `${compared}: ${word}.${untested}`, obs);
}

function latestUpTo(observations: Observation[], year: number): Observation | undefined {
	let best: Observation | undefined;
	for (const o of observations) if (o.year <= year && (!best || o.year > best.year)) best = o;
	return best;
}

function resolveBaseline(
	baseline: Baseline,
	observations: Observation[]
): { year: number; value: number } | null {
	const found = baselineValue({ baseline, observations });
	return found && found.value !== null ? { year: found.year, value: found.value } : null;
}

function atLeastAsGood(value: number, reference: number, better: Direction): boolean {
	return better === 'higher' ? value >= reference : value <= reference;
}

/** Linear interpolation on a path of (year, value) points sorted by year; null before its start. */
export function interpolate(path: { year: number; value: number }[], year: number): number | null {
	const points = [...path].sort((a, b) => a.year - b.year);
	const first = points[0];
	if (!first || year < first.year) return null;
	for (let i = 1; i < points.length; i++) {
		const a = points[i - 1]!;
		const b = points[i]!;
		if (year <= b.year) return a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year);
	}
	return points[points.length - 1]!.value;
}

function signed(x: number): string {
	return `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatNumber(Math.abs(x), { decimals: 2 })}`;
}

/**
 * Judges a streefdoel as it stood at the end of `year` (null or absent: with everything delivered):
 * only observations up to that year count, and without a delivered source the reason names the source
 * that is missing. With the status comes the sentence saying which year it judges and how the figure
 * moved since. The one rule behind the build, the Overzicht's year filter and the jaarverslag.
 */
export function judgeStreefdoel(options: {
	streefdoel: Pick<JudgeOptions, 'direction' | 'unit' | 'baseline' | 'norm'> & {
		source: string;
		measure?: { table: MeasureTable; periodKind?: string } | null;
	};
	observations: Observation[];
	/** whether a source for the realisatie was delivered */
	measured: boolean;
	year?: number | null;
}): {
	judgement: Judgement;
	observations: Observation[];
	latest: Observation | null;
	/** which year the status judges and the movement since (see statusYearNote) */
	since: string | null;
} {
	const { streefdoel: s, year } = options;
	const observations =
		year === null || year === undefined
			? options.observations
			: options.observations.filter((o) => o.year <= year);
	const survey = measureKind({ measure: s.measure ?? null }) === 'survey';
	const judgement = judge({
		direction: s.direction,
		unit: s.unit,
		baseline: s.baseline,
		norm: s.norm,
		observations,
		survey
	});
	if (!options.measured)
		judgement.reason = `Er is nog geen bron voor de realisatie aangeleverd: ${s.source}.`;
	const latest = [...observations].reverse().find((o) => o.value !== null) ?? null;
	const since = statusYearNote({
		judgement,
		norm: s.norm,
		observations,
		unit: s.unit,
		peildatum: s.measure?.periodKind === 'peildatum',
		survey
	});
	return { judgement, observations, latest, since };
}
