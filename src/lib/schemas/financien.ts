import type { FileSchema } from './column';

const MONEY = { type: 'decimal', min: -1e12, max: 1e12 } as const;
const YEAR = {
	name: 'jaar',
	type: 'integer',
	min: 2000,
	max: 2100,
	required: true,
	description: 'Begrotingsjaar'
} as const;
const DOEL = {
	name: 'doel',
	type: 'text',
	pattern: '\\d+(\\.\\d+)*',
	hint: 'een doelnummer als 2.1.1',
	required: true,
	description: 'Doelnummer uit de begroting'
} as const;

/** Baten en lasten per jaar, programma, doel, Iv3 taakveld and budget phase. */
export const batenLastenSchema = {
	name: 'fin_baten_lasten',
	title: 'Financiën: baten en lasten per doel en taakveld',
	about:
		'Eén regel per jaar, programma, doel, Iv3-taakveld en begrotingsfase, in euro, zoals het overzicht baten en lasten van de begroting.',
	example: [
		[
			'2023',
			'2',
			'2.1.1',
			'Ondersteuning in de wijk',
			'6.2',
			'primitieve begroting',
			'12216821',
			'0',
			'265000',
			'118000'
		],
		[
			'2023',
			'2',
			'2.1.1',
			'Ondersteuning in de wijk',
			'6.2',
			'realisatie',
			'12411093',
			'0',
			'265000',
			'118000'
		]
	],
	columns: [
		{ ...YEAR },
		{ name: 'programma', type: 'text', required: true, description: 'Programmanummer' },
		{ ...DOEL },
		{ name: 'doel_naam', type: 'text', required: true, description: 'Naam van het doel' },
		{
			name: 'taakveld',
			type: 'reference',
			table: 'ref_taakvelden',
			column: 'code',
			hint: 'Iv3-taakveld',
			required: true,
			description: 'Iv3-taakveld (6.1 … 6.82; vanaf 2023 de subcodes)'
		},
		{
			name: 'fase',
			type: 'code',
			codes: ['primitieve begroting', 'begroting na wijziging', 'realisatie'],
			required: true,
			description: 'Begrotingsfase'
		},
		{ name: 'lasten', ...MONEY, required: true, description: 'Lasten in euro' },
		{ name: 'baten', ...MONEY, required: true, description: 'Baten in euro' },
		{ name: 'toevoeging_reserves', ...MONEY, required: true, description: 'Toevoeging aan reserves in euro' },
		{
			name: 'onttrekking_reserves',
			...MONEY,
			required: true,
			description: 'Onttrekking aan reserves in euro'
		}
	],
	key: ['jaar', 'programma', 'doel', 'taakveld', 'fase'],
	rules: [
		{
			column: 'taakveld',
			// The Iv3 taakvelden were split in 2023: 6.71 holds until 2022, 6.71a–d from 2023 on.
			failsWhen: (t) =>
				`NOT EXISTS (SELECT 1 FROM ref_taakvelden r WHERE r.code = ${t('taakveld')} AND ${t('jaar')} BETWEEN r.van AND r.tot)`,
			message:
				'dit Iv3-taakveld is niet geldig in dit jaar (vanaf 2023 gelden de subcodes, zoals 6.71a in plaats van 6.71): gebruik de indeling van dat jaar'
		}
	]
} as const satisfies FileSchema;

/** Kredieten as the begroting lists them: omvang, gerealiseerd, and the ramingen. */
export const kredietSchema = {
	name: 'fin_kredieten',
	title: 'Financiën: kredieten',
	about:
		'Eén regel per krediet zoals het overzicht kredieten van de begroting: vastgestelde en voorgestelde mutaties.',
	example: [
		['2023', '2.1.1', 'Voorbereidingskrediet SWT', 'voorgesteld', '265000', '0', '0', '265000', '0', '265000']
	],
	columns: [
		{ ...YEAR },
		{ ...DOEL },
		{ name: 'krediet', type: 'text', required: true, description: 'Naam van het krediet' },
		{
			name: 'status',
			type: 'code',
			codes: ['vastgesteld', 'voorgesteld'],
			required: true,
			description: 'Vastgestelde of voorgestelde mutatie'
		},
		{ name: 'omvang', ...MONEY, required: true, description: 'Omvang krediet' },
		{
			name: 'gerealiseerd_tm_vorig_jaar',
			...MONEY,
			required: true,
			description: 'Gerealiseerd tot en met twee jaar vóór het begrotingsjaar'
		},
		{
			name: 'raming_vorig_jaar',
			...MONEY,
			required: true,
			description: 'Raming voor het jaar vóór het begrotingsjaar'
		},
		{
			name: 'raming_begrotingsjaar',
			...MONEY,
			required: true,
			description: 'Raming voor het begrotingsjaar'
		},
		{ name: 'raming_later', ...MONEY, required: true, description: 'Raming voor de jaren daarna' },
		{
			name: 'resterend',
			...MONEY,
			required: false,
			optionalInHeader: true,
			description: 'Resterend krediet zoals het document het noemt (gecontroleerd: omvang − gerealiseerd)'
		}
	],
	key: ['jaar', 'doel', 'krediet'],
	rules: []
} as const satisfies FileSchema;

/** Bestedingsvoorstellen, numbered per kind, tied to a doel. */
export const bestedingSchema = {
	name: 'fin_bestedingsvoorstellen',
	title: 'Financiën: bestedingsvoorstellen',
	about: 'Eén regel per bestedingsvoorstel, genummerd per soort, bij een doel.',
	example: [['2023', 'incidenteel', '11', '2.1.1', 'Voorbereidingskrediet SWT', '265000']],
	columns: [
		{ ...YEAR },
		{
			name: 'soort',
			type: 'code',
			codes: ['incidenteel', 'structureel'],
			required: true,
			description: 'Incidenteel of structureel'
		},
		{
			name: 'nummer',
			type: 'integer',
			min: 1,
			max: 10_000,
			required: true,
			description: 'Nummer van het voorstel (per soort)'
		},
		{ ...DOEL },
		{ name: 'omschrijving', type: 'text', required: true, description: 'Omschrijving' },
		{ name: 'bedrag', ...MONEY, required: true, description: 'Bedrag per jaar in euro' }
	],
	key: ['jaar', 'soort', 'nummer'],
	rules: []
} as const satisfies FileSchema;

const PHASE = {
	name: 'fase',
	type: 'code',
	codes: ['primitieve begroting', 'begroting na wijziging', 'realisatie'],
	required: true,
	description: 'Begrotingsfase'
} as const;

/**
 * The overview of baten en lasten as the begroting document states it, per doel, programme and in
 * total, so the figures in the document can be reconciled with the ledger. Saldo is net cost.
 */
export const overzichtSchema = {
	name: 'fin_overzicht',
	title: 'Financiën: overzicht baten en lasten zoals in het document',
	about:
		'Eén regel per jaar, begrotingsfase en regel van het overzicht baten en lasten in het begrotingsdocument (doel, programma of totaal), met de bedragen zoals ze er staan. Saldo is netto lasten: lasten − baten; geraamd resultaat = saldo + toevoeging − onttrekking.',
	example: [
		[
			'2023',
			'primitieve begroting',
			'doel',
			'2.1.1',
			'Ondersteuning in de wijk',
			'12216821',
			'0',
			'12216821',
			'265000',
			'118000',
			'12363821'
		],
		[
			'2023',
			'primitieve begroting',
			'programma',
			'2',
			'Sociaal domein',
			'12216821',
			'0',
			'12216821',
			'265000',
			'118000',
			'12363821'
		]
	],
	columns: [
		{ ...YEAR },
		{ ...PHASE },
		{
			name: 'niveau',
			type: 'code',
			codes: ['doel', 'programma', 'totaal'],
			required: true,
			description: 'Regel van het overzicht: een doel, een programma of het totaal'
		},
		{
			name: 'code',
			type: 'text',
			pattern: '(\\d+(\\.\\d+)*|totaal)',
			hint: 'een doelnummer als 2.1.1, een programmanummer als 2, of "totaal"',
			required: true,
			description: 'Doelnummer, programmanummer, of "totaal"'
		},
		{
			name: 'omschrijving',
			type: 'text',
			required: true,
			description: 'Naam van de regel zoals in het document'
		},
		{ name: 'lasten', ...MONEY, required: true, description: 'Lasten' },
		{ name: 'baten', ...MONEY, required: true, description: 'Baten' },
		{ name: 'saldo', ...MONEY, required: true, description: 'Saldo (netto lasten)' },
		{ name: 'toevoeging_reserves', ...MONEY, required: true, description: 'Toevoeging aan reserves' },
		{ name: 'onttrekking_reserves', ...MONEY, required: true, description: 'Onttrekking aan reserves' },
		{ name: 'geraamd_resultaat', ...MONEY, required: true, description: 'Geraamd resultaat' }
	],
	key: ['jaar', 'fase', 'niveau', 'code'],
	rules: []
} as const satisfies FileSchema;

/** The subtotals and total of the krediet overview as the document states them, per doel. */
export const kredietTotalenSchema = {
	name: 'fin_kredieten_totalen',
	title: 'Financiën: subtotalen en totaal van het overzicht kredieten',
	about:
		'Eén regel per jaar, doel en totaalregel van het overzicht kredieten (subtotaal vastgestelde mutaties, subtotaal voorgestelde mutaties, totaal), met de bedragen zoals ze in het document staan.',
	example: [
		['2023', '2.1.1', 'subtotaal voorgestelde mutaties', '265000', '0', '265000', '0', '265000', '0']
	],
	columns: [
		{ ...YEAR },
		{ ...DOEL },
		{
			name: 'regel',
			type: 'code',
			codes: ['subtotaal vastgestelde mutaties', 'subtotaal voorgestelde mutaties', 'totaal'],
			required: true,
			description: 'Welke totaalregel'
		},
		{ name: 'omvang', ...MONEY, required: true, description: 'Omvang krediet' },
		{ name: 'gerealiseerd_tm_vorig_jaar', ...MONEY, required: true, description: 'Gerealiseerd' },
		{ name: 'resterend', ...MONEY, required: true, description: 'Resterend krediet' },
		{
			name: 'raming_vorig_jaar',
			...MONEY,
			required: true,
			description: 'Raming jaar vóór het begrotingsjaar'
		},
		{ name: 'raming_begrotingsjaar', ...MONEY, required: true, description: 'Raming begrotingsjaar' },
		{ name: 'raming_later', ...MONEY, required: true, description: 'Raming de jaren daarna' }
	],
	key: ['jaar', 'doel', 'regel'],
	rules: []
} as const satisfies FileSchema;

/**
 * The Iv3 export of the ledger per taakveld (what the gemeente reports to CBS), to reconcile with
 * the per-doel figures. Reserve mutations are booked on taakveld 0.10.
 */
export const iv3Schema = {
	name: 'fin_iv3',
	title: 'Financiën: Iv3-export per taakveld',
	about:
		'Eén regel per jaar, begrotingsfase en Iv3-taakveld uit de financiële administratie (de Iv3-levering aan het CBS). Reservemutaties staan op taakveld 0.10: toevoegingen als lasten, onttrekkingen als baten.',
	example: [
		['2023', 'primitieve begroting', '6.2', '12216821', '0'],
		['2023', 'primitieve begroting', '0.10', '265000', '118000']
	],
	columns: [
		{ ...YEAR },
		{ ...PHASE },
		{
			name: 'taakveld',
			type: 'reference',
			table: 'ref_taakvelden',
			column: 'code',
			hint: 'Iv3-taakveld',
			required: true,
			description: 'Iv3-taakveld (6.1 … 6.82, vanaf 2023 de subcodes; 0.10 mutaties reserves)'
		},
		{ name: 'lasten', ...MONEY, required: true, description: 'Lasten' },
		{ name: 'baten', ...MONEY, required: true, description: 'Baten' }
	],
	key: ['jaar', 'fase', 'taakveld'],
	rules: [batenLastenSchema.rules[0]!]
} as const satisfies FileSchema;
