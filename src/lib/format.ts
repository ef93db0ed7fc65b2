/** Dutch (nl-NL) formatting for every number a user sees: 12.216.821; 4,4. */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
	const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits, maximumFractionDigits });
		formatters.set(key, f);
	}
	return f;
}

/** Formats a number in nl-NL with a fixed number of decimals; null becomes the given placeholder. */
export function formatNumber(
	value: number | null | undefined,
	options: { decimals?: number; empty?: string } = {}
): string {
	if (value === null || value === undefined || Number.isNaN(value)) return options.empty ?? '–';
	const decimals = options.decimals ?? 0;
	return formatter(decimals, decimals).format(value);
}

/** Formats a value in the indicator's unit (count, percentage or score). */
export function formatValue(value: number | null | undefined, unit: Unit, empty?: string): string {
	switch (unit) {
		case 'aantal':
			return formatNumber(value, { decimals: 0, empty });
		case 'procent':
			return value === null || value === undefined
				? (empty ?? '–')
				: `${formatNumber(value, { decimals: 1 })}%`;
		case 'schaalscore':
			return formatNumber(value, { decimals: 1, empty });
		case 'rapportcijfer':
			return formatNumber(value, { decimals: 1, empty });
		case 'per 10.000':
		case 'per 1.000':
			return formatNumber(value, { decimals: 1, empty });
	}
}

/** Units an indicator can be measured in. */
export type Unit = 'aantal' | 'procent' | 'schaalscore' | 'rapportcijfer' | 'per 10.000' | 'per 1.000';

/** A year as a label: never with a thousands separator (nl-NL would print 2.016). */
export function formatYear(year: number): string {
	return String(year);
}

/** An ISO date (jjjj-mm-dd, as the manifest records it) as Dutch readers write it: dd-mm-jjjj. */
export function formatIsoDate(iso: string): string {
	return iso.split('-').reverse().join('-');
}
