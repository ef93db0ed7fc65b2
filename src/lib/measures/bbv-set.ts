import type { CbsManifest } from '../db/manifest';
import { BBV_INDICATORS } from './bbv';
import { convertedUnitText } from './units';

/**
 * The beleidsindicatoren of the sociaal domein (21–32 of the Regeling beleidsindicatoren), as one
 * registry: what each measures, in which unit (and the unit it had before), over which population,
 * and where a figure can come from: Koers' own registrations, a CBS table in the release, or neither.
 * Reference: data/reference/begroting/bbv_beleidsindicatoren_sociaal_domein.csv.
 */
export interface BbvDefinition {
	number: number;
	title: string;
	unit: string;
	/** earlier units: values in another unit are never compared with today's */
	unitHistory?: string;
	population: string;
	/** the indicator of BBV_INDICATORS that Koers computes from the gemeente's own registrations */
	own: string | null;
	/** where CBS (or the source it names) publishes it, and the CBS table and measure when the intake reads one */
	published: {
		by: string;
		table?: string;
		measure?: string;
		unit?: string;
		/**
		 * the category of the table's other dimensions that holds the indicator, as CBS codes it and as
		 * it titles it (a labelled download); a table without other dimensions has category ''
		 */
		category?: readonly string[];
		/** the period that gives a year's figure: the year itself, or a month's stand at its end */
		period?: { kind: 'jaar' } | { kind: 'maand'; number: number };
		/** in Dutch, when CBS's unit is not the BBV unit: why it is not converted */
		unitNote?: string;
	};
}

export const BBV_SET: readonly BbvDefinition[] = [
	{
		number: 21,
		title: 'Banen',
		unit: 'per 1.000 inwoners van 15–64 jaar',
		population: 'inwoners van 15–64 jaar',
		own: null,
		published: { by: 'LISA (vestigingenregister)' }
	},
	{
		number: 22,
		title: 'Jongeren met een delict voor de rechter',
		unit: '% van de jongeren van 12–21 jaar',
		population: 'jongeren van 12–21 jaar',
		own: null,
		published: { by: 'Verwey-Jonker Instituut (Kinderen in Tel)' }
	},
	{
		number: 23,
		title: 'Kinderen in uitkeringsgezin',
		unit: '% van de kinderen tot 18 jaar',
		population: 'kinderen tot 18 jaar',
		own: null,
		published: { by: 'Verwey-Jonker Instituut (Kinderen in Tel)' }
	},
	{
		number: 24,
		title: 'Netto arbeidsparticipatie',
		unit: '% van de werkzame beroepsbevolking ten opzichte van de beroepsbevolking',
		population: 'beroepsbevolking',
		own: null,
		published: { by: 'CBS' }
	},
	{
		number: 25,
		title: 'Achterstandsleerlingen',
		unit: '% van de leerlingen van 4–12 jaar',
		population: 'leerlingen van 4–12 jaar',
		own: null,
		published: { by: 'CBS / DUO, waar geleverd' }
	},
	{
		number: 26,
		title: 'Werkloze jongeren',
		unit: '% van de jongeren van 16–22 jaar',
		population: 'jongeren van 16–22 jaar',
		own: null,
		published: { by: 'Verwey-Jonker Instituut (Kinderen in Tel)' }
	},
	{
		number: 27,
		title: 'Personen met een bijstandsuitkering',
		unit: 'per 10.000 inwoners van 18 jaar en ouder',
		unitHistory: 'eerder per 1.000',
		population: 'inwoners van 18 jaar en ouder',
		own: 'bbv-27-bijstand',
		published: {
			by: 'CBS',
			table: '84799NED',
			measure: 'PersonenPerSoortUitkeringBijstand',
			unit: 'aantal',
			unitNote:
				'CBS publiceert in Kerncijfers wijken en buurten het aantal personen met bijstand; per 10.000 inwoners van 18 jaar en ouder is niet te berekenen: die tabel deelt de leeftijden in als 15–25 jaar, niet vanaf 18'
		}
	},
	{
		number: 28,
		title: 'Lopende re-integratievoorzieningen',
		unit: 'per 10.000 inwoners van 15–64 jaar',
		unitHistory: 'eerder per 1.000',
		population: 'inwoners van 15–64 jaar',
		own: null,
		published: {
			by: 'CBS',
			table: '85588NED',
			measure: 'ReIntegratieParticipatievoorzieningen',
			unit: 'aantal',
			category: ['Totaal re-integratie-/participatievoorz. | Lopend eind verslagperiode'],
			period: { kind: 'maand', number: 12 },
			unitNote:
				'CBS publiceert het aantal lopende voorzieningen eind december; per 10.000 inwoners van 15–64 jaar is niet te berekenen: deze release heeft die bevolking niet'
		}
	},
	{
		number: 29,
		title: 'Jongeren met jeugdhulp',
		unit: '% van de jongeren tot 18 jaar',
		population: 'jongeren tot 18 jaar',
		own: 'bbv-29-jeugdhulp',
		published: {
			by: 'CBS (Beleidsinformatie Jeugd)',
			table: '85098NED',
			measure: 'JongerenMetJeugdhulpInNatura',
			unit: '%'
		}
	},
	{
		number: 30,
		title: 'Jongeren met jeugdbescherming',
		unit: '% van de jongeren tot 18 jaar',
		population: 'jongeren tot 18 jaar',
		own: null,
		published: {
			by: 'CBS (Beleidsinformatie Jeugd)',
			table: '85098NED',
			measure: 'JongerenMetJeugdbescherming',
			unit: '%'
		}
	},
	{
		number: 31,
		title: 'Jongeren met jeugdreclassering',
		unit: '% van de jongeren van 12–22 jaar',
		population: 'jongeren van 12–22 jaar',
		own: null,
		published: {
			by: 'CBS (Beleidsinformatie Jeugd)',
			table: '85098NED',
			measure: 'JongerenMetJeugdreclassering',
			unit: '%'
		}
	},
	{
		number: 32,
		title: 'Cliënten met een maatwerkarrangement Wmo',
		unit: 'per 10.000 inwoners',
		unitHistory: 'eerder per 1.000',
		population: 'alle inwoners',
		own: 'bbv-32-wmo',
		published: {
			by: 'CBS (Gemeentelijke Monitor Sociaal Domein)',
			table: '86050NED',
			measure: 'WmoClientenPer1000Inwoners',
			unit: 'per 1 000 inwoners',
			category: ['T001024', 'Totaal'],
			unitNote: `Omgerekend naar de BBV-eenheid: ${convertedUnitText({ from: 'per 1 000 inwoners', to: 'per 10.000 inwoners', publisher: 'CBS' })}`
		}
	}
];

/** Where a release has each indicator from: its own registrations, a CBS table it holds, or neither (and why). */
export interface BbvAvailability extends BbvDefinition {
	fromOwn: boolean;
	/** the CBS table and measure in the release (`cbs_cijfers`), when it holds them */
	fromCbs: { table: string; title: string; measure: string; unit: string } | null;
	/** in Dutch: where the figure comes from here, or why there is none */
	explanation: string;
}

/** The registry resolved against a release's own indicators and its CBS tables. */
export function bbvAvailability(options: {
	cbs: CbsManifest | undefined;
	ownIndicators?: readonly string[];
	/** the CBS tables of the site's release of real figures, when it has one (shown apart, as real) */
	realCbs?: CbsManifest | undefined;
	/** true for the synthetic sample: its CBS-shaped tables are not CBS's figures */
	sample?: boolean;
}): BbvAvailability[] {
	const own = new Set(options.ownIndicators ?? BBV_INDICATORS.map((b) => b.id));
	return BBV_SET.map((d) => {
		const table = d.published.table ? options.cbs?.tables.find((t) => t.id === d.published.table) : undefined;
		const measure = table?.measures.find((m) => m.id === d.published.measure);
		const fromCbs =
			table && measure
				? { table: table.id, title: table.title, measure: measure.id, unit: measure.unit }
				: null;
		const fromOwn = d.own !== null && own.has(d.own);
		const parts = [
			fromOwn ? 'berekend uit de eigen registratie van de gemeente' : null,
			fromCbs
				? `${options.sample ? `voorbeelddata in de vorm van CBS-tabel ${fromCbs.table} (${fromCbs.unit}), geen echte CBS-cijfers` : `CBS-tabel ${fromCbs.table} (${fromCbs.unit}; Bron: CBS)`}${d.published.unitNote ? `. ${d.published.unitNote}` : ''}`
				: null
		].filter(Boolean);
		const real = d.published.table
			? options.realCbs?.tables
					.find((t) => t.id === d.published.table)
					?.measures.find((m) => m.id === d.published.measure)
			: undefined;
		const realText = real
			? ` Echte cijfers voor alle gemeenten: CBS-tabel ${d.published.table} (${real.unit}; Bron: CBS), apart getoond als echte cijfers.`
			: '';
		return {
			...d,
			fromOwn,
			fromCbs,
			explanation:
				(parts.length > 0
					? `${parts.join('; en ')}.`
					: `Niet in deze release: gepubliceerd door ${d.published.by}${d.own === null ? '; Koers heeft er geen registratie voor' : ''}.`) +
				realText
		};
	});
}
