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
export const batenLastenSchema: FileSchema = {
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
};

/** Kredieten as the begroting lists them: omvang, gerealiseerd, and the ramingen. */
export const kredietSchema: FileSchema = {
	name: 'fin_kredieten',
	title: 'Financiën: kredieten',
	about:
		'Eén regel per krediet zoals het overzicht kredieten van de begroting: vastgestelde en voorgestelde mutaties.',
	example: [['2023', '2.1.1', 'Voorbereidingskrediet SWT', 'voorgesteld', '265000', '0', '0', '265000', '0']],
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
		{ name: 'raming_later', ...MONEY, required: true, description: 'Raming voor de jaren daarna' }
	],
	key: ['jaar', 'doel', 'krediet'],
	rules: []
};

/** Bestedingsvoorstellen, numbered per kind, tied to a doel. */
export const bestedingSchema: FileSchema = {
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
};
