/**
 * The one registry of the CBS tables Koers binds, for files that come without DataProperties (the
 * labelled layout of cbsodata and StatLine's "gepresenteerde" download): each table's dimensions in
 * CBS's order, and each measure column of that edition by its full key (a table id is one edition, so
 * its keys are fixed) with the title, unit and population CBS's table page gives. Nothing is taken from
 * a column's position: a column the registry does not name is refused, so a new edition is bound here
 * first. Where a file does carry DataProperties, those win.
 */

/** A measure of a registered table. */
interface RegisteredMeasure {
	/** the column key in this edition, e.g. `WmoClientenPer1000Inwoners_2` */
	key: string;
	/** the stable id Koers publishes (the key without its suffix, unless two keys share that) */
	id: string;
	title: string;
	/** the unit as CBS writes it: values are never converted */
	unit: string;
	/** what is counted, or what a relative figure is relative to */
	population: string;
}

/** A CBS table Koers binds. */
export interface RegisteredTable {
	id: string;
	title: string;
	/** the dimension columns, in CBS's order (first dimension first: the order truncation follows) */
	dimensions: string[];
	/** the region dimension among them (`RegioS`, `Wijken`) */
	region: string;
	/** wijk tables: the column with the padded region code beside the title (`Codering_3`) */
	codeColumn?: string;
	measures: RegisteredMeasure[];
	/** columns of the edition Koers does not read, each named (never ignored by default) */
	unread: string[];
}

/** The number of rows CBS's OData v3 API gives in one response: a file of exactly this many stopped there. */
export const ODATA_PAGE_ROWS = 10_000;

const WIJK_ATTRIBUTES = (n: number) => [
	`Gemeentenaam_${n}`,
	`SoortRegio_${n + 1}`,
	`IndelingswijzigingWijken_${n + 3}`
];

const m = (key: string, title: string, unit: string, population: string, id?: string): RegisteredMeasure => ({
	key,
	id: id ?? key.replace(/_\d+$/, ''),
	title,
	unit,
	population
});

const CBS_TABLES: readonly RegisteredTable[] = [
	{
		id: '86050NED',
		title: 'Wmo-cliënten; type maatwerkvoorziening, regio',
		dimensions: ['TypeMaatwerkvoorziening', 'RegioS', 'Perioden'],
		region: 'RegioS',
		measures: [
			m('WmoClienten_1', 'Wmo-cliënten', 'aantal', 'inwoners met een maatwerkvoorziening Wmo'),
			m(
				'WmoClientenPer1000Inwoners_2',
				'Wmo-cliënten per 1 000 inwoners',
				'per 1 000 inwoners',
				'alle inwoners'
			)
		],
		unread: []
	},
	{
		id: '86051NED',
		title: 'Wmo-voorzieningen; stand, instroom, uitstroom, regio',
		dimensions: ['TypeMaatwerkvoorziening', 'RegioS', 'Perioden'],
		region: 'RegioS',
		measures: [
			m('Stand_1', 'Stand (lopende maatwerkvoorzieningen)', 'aantal', 'maatwerkvoorzieningen Wmo'),
			m('Instroom_2', 'Instroom', 'aantal', 'maatwerkvoorzieningen Wmo'),
			m('Uitstroom_3', 'Uitstroom', 'aantal', 'maatwerkvoorzieningen Wmo')
		],
		unread: []
	},
	{
		id: '85098NED',
		title: 'Indicatoren jeugdzorg in natura; gemeenten',
		dimensions: ['RegioS', 'Perioden'],
		region: 'RegioS',
		measures: [
			m('JongerenMetJeugdhulpInNatura_1', 'Jongeren met jeugdhulp in natura', '%', 'jongeren tot 18 jaar'),
			m(
				'JongerenMetJeugdhMetVerblInNat_2',
				'Jongeren met jeugdhulp met verblijf in natura',
				'%',
				'jongeren met jeugdhulp in natura'
			),
			m('JongerenMetJeugdbescherming_3', 'Jongeren met jeugdbescherming', '%', 'jongeren tot 18 jaar'),
			m(
				'JeugdbeschEnJeugdhMetVerblInNat_4',
				'Jongeren met jeugdbescherming en jeugdhulp met verblijf in natura',
				'%',
				'jongeren met jeugdbescherming'
			),
			m('JongerenMetJeugdreclassering_5', 'Jongeren met jeugdreclassering', '%', 'jongeren van 12–22 jaar')
		],
		unread: []
	},
	{
		id: '85099NED',
		title: 'Jeugdzorg; regio (gemeente)',
		dimensions: ['VormenVanJeugdzorg', 'RegioS', 'Perioden'],
		region: 'RegioS',
		measures: [
			m('JongerenMetJeugdzorg_1', 'Jongeren met jeugdzorg', 'aantal', 'jongeren tot 23 jaar'),
			m('JongerenMetJeugdzorgRelatief_2', 'Jongeren met jeugdzorg, relatief', '%', 'jongeren tot 23 jaar'),
			m('Jeugdzorgtrajecten_3', 'Jeugdzorgtrajecten', 'aantal', 'trajecten')
		],
		unread: []
	},
	{
		id: '85588NED',
		title: 'Re-integratie-/participatievoorzieningen; type, status, regio',
		dimensions: ['TypeReIntegratieParticipatievoorz', 'StatusVoorziening', 'RegioS', 'Perioden'],
		region: 'RegioS',
		measures: [
			m(
				'ReIntegratieParticipatievoorzieningen_1',
				'Re-integratie-/participatievoorzieningen',
				'aantal',
				'voorzieningen (Participatiewet)'
			)
		],
		unread: []
	},
	{
		id: '85996NED',
		title: 'Wmo-cliënten per wijk, 1e halfjaar 2024',
		dimensions: ['TypeMaatwerkvoorziening', 'Wijken', 'Perioden'],
		region: 'Wijken',
		codeColumn: 'Codering_3',
		measures: [
			m('WmoClienten_5', 'Wmo-cliënten', 'aantal', 'inwoners met een maatwerkvoorziening Wmo'),
			m(
				'WmoClientenPer1000Inwoners_6',
				'Wmo-cliënten per 1 000 inwoners',
				'per 1 000 inwoners',
				'alle inwoners'
			)
		],
		unread: WIJK_ATTRIBUTES(1)
	},
	{
		id: '85990NED',
		title: 'Jeugdzorg in natura per wijk, 1e halfjaar 2024',
		dimensions: ['Vormen', 'Wijken', 'Perioden'],
		region: 'Wijken',
		codeColumn: 'Codering_20',
		measures: [
			m(
				'TotaalJongerenMetJeugdzorgInNatura_1',
				'Jongeren met jeugdzorg in natura',
				'aantal',
				'jongeren tot 23 jaar'
			),
			m('TotaalTrajectenInNatura_9', 'Trajecten jeugdzorg in natura', 'aantal', 'trajecten')
		],
		unread: [
			...['k_0Tot4Jaar_2', 'k_4Tot12Jaar_3', 'k_12Tot18Jaar_4', 'k_18Tot23Jaar_5'],
			...['ThuiswonendKindInEenouderhuishouden_6', 'ThuiswonendKindBijEenPaar_7', 'AnderHuishouden_8'],
			...['GemeentelijkeToegang_10', 'Huisarts_11', 'Jeugdarts_12', 'GecertificeerdeInstelling_13'],
			...[
				'MedischSpecialist_14',
				'RechterOfficierVanJustitie_15',
				'GeenVerwijzer_16',
				'VerwijzerOnbekend_17'
			],
			...WIJK_ATTRIBUTES(18)
		]
	},
	{
		id: '85994NED',
		title: 'Voorzieningen sociaal domein (jeugd, Wmo, Participatiewet) per wijk, 1e halfjaar 2024',
		dimensions: ['AantalVoorzieningen', 'SoortVoorzieningSociaalDomein', 'Wijken', 'Perioden'],
		region: 'Wijken',
		codeColumn: 'Codering_3',
		measures: [
			m('ClientenMetVoorzieningen_5', 'Cliënten met voorzieningen', 'aantal', 'inwoners'),
			m('HuishoudensMetVoorzieningen_6', 'Huishoudens met voorzieningen', 'aantal', 'huishoudens'),
			m(
				'ClientenMetVoorzieningen_7',
				'Cliënten met voorzieningen per 1 000 inwoners',
				'per 1 000 inwoners',
				'alle inwoners',
				'ClientenMetVoorzieningenPer1000Inwoners'
			),
			m(
				'HuishoudensMetVoorzieningen_8',
				'Huishoudens met voorzieningen per 1 000 huishoudens',
				'per 1 000 huishoudens',
				'alle particuliere huishoudens',
				'HuishoudensMetVoorzieningenPer1000Huishoudens'
			)
		],
		unread: WIJK_ATTRIBUTES(1)
	}
];

/** The registered table of an id, if Koers binds it. */
export function registeredTable(id: string): RegisteredTable | undefined {
	return CBS_TABLES.find((t) => t.id === id);
}

/**
 * CBS's "Gebieden in Nederland", the editions Koers binds: per gemeente its province, CBS's
 * gemeentegrootte and inhabitants, the columns by this edition's keys. Delivered as a region list
 * (`cbs/regiolijsten/<id>*.csv`); the newest edition delivered gives the benchmark's peers.
 */
export interface GebiedenEdition {
	id: string;
	/** the gemeentelijke indeling of the edition */
	year: number;
	columns: Record<'code' | 'provinceCode' | 'province' | 'sizeClass' | 'inhabitants', string>;
}

const GEBIEDEN_COLUMNS: GebiedenEdition['columns'] = {
	code: 'Code_1',
	provinceCode: 'Code_28',
	province: 'Naam_29',
	sizeClass: 'Code_52',
	inhabitants: 'Inwonertal_56'
};

export const GEBIEDEN_EDITIONS: readonly GebiedenEdition[] = [
	{ id: '86059NED', year: 2025, columns: GEBIEDEN_COLUMNS },
	{ id: '85755NED', year: 2024, columns: GEBIEDEN_COLUMNS }
];
