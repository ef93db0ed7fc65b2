import { BUURTCODE_COLUMN, type FileSchema } from './column';

const AGE = {
	name: 'leeftijdsklasse',
	type: 'code',
	codes: ['18-26', '27-44', '45-64', '65+'],
	required: true,
	description: 'Leeftijdsklasse (van de aanvrager)'
} as const;
/** Uitstroom to work, an own business or education counts as volledige uitstroom in the begroting. */
export const EXIT_TO_WORK = ['werk', 'onderneming', 'opleiding'];

/** Meldingen at de Poort: one row per melding. */
export const meldingSchema = {
	name: 'pw_meldingen',
	title: 'Meldingen bij de Poort (Participatiewet)',
	about:
		'Eén regel per melding bij de Poort voor ondersteuning uit de Participatiewet (registratie vanaf 2015).',
	example: [
		['M2016000001', '04-01-2016', 'BU01931000', '27-44', 'nee'],
		['M2016000002', '05-01-2016', 'BU01931100', '18-26', 'ja']
	],
	columns: [
		{
			name: 'meldingnummer',
			type: 'text',
			required: true,
			description: 'Volgnummer van de melding (wordt niet gepubliceerd)'
		},
		{ name: 'meldingsdatum', type: 'date', required: true, description: 'Datum van de melding' },
		{ ...BUURTCODE_COLUMN },
		{ ...AGE, codes: [...AGE.codes] },
		{
			name: 'bijstandsaanvraag',
			type: 'boolean',
			required: true,
			description: 'Volgde er een formele bijstandsaanvraag (ja/nee)'
		}
	],
	key: ['meldingnummer'],
	rules: []
} as const satisfies FileSchema;

/** Bijstandsuitkeringen: one row per household and uitkering. */
export const uitkeringSchema = {
	name: 'pw_uitkeringen',
	title: 'Bijstandsuitkeringen (Participatiewet)',
	about: 'Eén regel per bijstandsuitkering van een huishouden.',
	example: [
		['H0012345', 'BU01931000', '27-44', '01-03-2014', '01-06-2016', 'werk', ''],
		['H0012346', 'BU01931010', '18-26', '01-03-2015', '', '', '01-09-2015']
	],
	columns: [
		{
			name: 'huishoudnummer',
			type: 'text',
			required: true,
			description: 'Huishoudnummer in het bronsysteem (wordt gepseudonimiseerd)'
		},
		{ ...BUURTCODE_COLUMN },
		{ ...AGE, codes: [...AGE.codes] },
		{ name: 'startdatum', type: 'date', required: true, description: 'Start van de uitkering' },
		{ name: 'einddatum', type: 'date', required: false, description: 'Einde, leeg als de uitkering loopt' },
		{
			name: 'uitstroomreden',
			type: 'code',
			codes: [...EXIT_TO_WORK, 'verhuizing', 'overlijden', 'andere uitkering', 'overig'],
			required: false,
			description: 'Reden van uitstroom; verplicht als er een einddatum is'
		},
		{
			name: 'inkomsten_uit_werk_vanaf',
			type: 'date',
			required: false,
			description:
				'Sinds wanneer het huishouden naast de uitkering inkomsten uit werk heeft (gedeeltelijke uitstroom)'
		}
	],
	key: ['huishoudnummer', 'startdatum'],
	rules: [
		{
			column: 'einddatum',
			failsWhen: (t) => `${t('einddatum')} < ${t('startdatum')}`,
			message: 'einddatum ligt vóór de startdatum: corrigeer een van beide'
		},
		{
			column: 'uitstroomreden',
			failsWhen: (t) => `(${t('einddatum')} IS NULL) <> (${t('uitstroomreden')} IS NULL)`,
			message:
				'uitstroomreden en einddatum horen samen: vul beide in als de uitkering is beëindigd, anders geen van beide'
		},
		{
			column: 'inkomsten_uit_werk_vanaf',
			failsWhen: (t) =>
				`${t('inkomsten_uit_werk_vanaf')} < ${t('startdatum')} OR ${t('inkomsten_uit_werk_vanaf')} > ${t('einddatum')}`,
			message: 'inkomsten_uit_werk_vanaf valt buiten de looptijd van de uitkering'
		}
	]
} as const satisfies FileSchema;

/** Placements: garantiebanen, beschut werk and leerwerkbanen. */
export const plaatsingSchema = {
	name: 'pw_plaatsingen',
	title: 'Plaatsingen: garantiebanen, beschut werk, leerwerkbanen',
	about: 'Eén regel per plaatsing op een garantiebaan, in beschut werk of op een leerwerkbaan.',
	example: [
		['P000001', 'beschut werk', '01-03-2016', ''],
		['P000002', 'garantiebaan', '01-01-2015', '31-12-2015']
	],
	columns: [
		{
			name: 'plaatsingnummer',
			type: 'text',
			required: true,
			description: 'Volgnummer van de plaatsing (wordt niet gepubliceerd)'
		},
		{
			name: 'soort',
			type: 'code',
			codes: ['garantiebaan', 'beschut werk', 'leerwerkbaan'],
			required: true,
			description: 'Soort plaatsing'
		},
		{ name: 'startdatum', type: 'date', required: true, description: 'Start van de plaatsing' },
		{ name: 'einddatum', type: 'date', required: false, description: 'Einde, leeg als de plaatsing loopt' }
	],
	key: ['plaatsingnummer'],
	rules: [
		{
			column: 'einddatum',
			failsWhen: (t) => `${t('einddatum')} < ${t('startdatum')}`,
			message: 'einddatum ligt vóór de startdatum: corrigeer een van beide'
		}
	]
} as const satisfies FileSchema;
