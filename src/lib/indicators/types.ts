/** Which way is good for an indicator. */
export type Direction = 'higher' | 'lower';

/**
 * A norm (streefwaarde) as the begroting writes it. Every kind in the domain notes has a variant:
 * a number for a year, a minimum (percentage or score), a maximum, a strict or non-strict direction
 * against a reference year, or no norm at all.
 */
export type Norm =
	| { kind: 'target'; value: number; year: number; milestones?: Milestone[]; text?: string }
	| { kind: 'minimum'; value: number; year: number; text?: string }
	| { kind: 'maximum'; value: number; year: number; text?: string }
	| { kind: 'rise'; referenceYear: number; year: number; strict: boolean; text?: string }
	| { kind: 'fall'; referenceYear: number; year: number; strict: boolean; text?: string }
	| { kind: 'none'; text?: string };

/** An intermediate streefcijfer on the way to the norm (e.g. "streefcijfer 2015 is 455"). */
interface Milestone {
	year: number;
	value: number;
}

/** The nulsituatie (baseline) as the document states it. */
export type Baseline =
	| { kind: 'value'; value: number; year: number; text?: string }
	| { kind: 'from-data'; year: number; text?: string }
	| { kind: 'pending'; text: string };

/** One realisatie: a published value for a year, or a suppressed or missing cell. */
export interface Observation {
	year: number;
	/** null when the published value is suppressed (disclosure control) */
	value: number | null;
	/** standard error of a survey estimate; absent for registrations */
	standardError?: number | null;
	/** the measure's unit or definition version; a change makes comparison impossible */
	unit?: string;
}

/** The statuses a streefdoel can have. */
export type StatusKind =
	'behaald' | 'niet behaald' | 'op koers' | 'achter op koers' | 'geen norm' | 'onbekend';

/** A judged streefdoel: the status, the year it was judged on, and the reasoning in plain Dutch. */
export interface Judgement {
	status: StatusKind;
	/** the year of the realisatie the status is based on, if any */
	year: number | null;
	/** the realisatie the status is based on, if any */
	value: number | null;
	/** the rule applied, in plain Dutch */
	rule: string;
	/** why this status, in plain Dutch (e.g. "verschil niet significant") */
	reason: string;
}
