import type { ObservationRow } from '../measures/sql';
import type { Observation } from './types';

/** Turns observation query rows into observations for the status logic and charts. */
export function toObservations(rows: ObservationRow[]): Observation[] {
	return rows.map((r) => ({ year: r.year, value: r.value, standardError: r.standard_error }));
}
