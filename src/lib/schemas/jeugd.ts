import { readFileSync } from 'node:fs';
import { BUURTCODE_COLUMN, type FileSchema } from './column';

/** iJw productcategorie codes (JZ020), from the reference code list. */
function ijwCategories(): string[] {
	const text = readFileSync(
		new URL('../../../data/reference/istandaarden/ijw_JZ020_productcategorie.csv', import.meta.url),
		'utf8'
	);
	return text
		.split(/\r?\n/)
		.slice(1)
		.filter((l) => l.trim() !== '')
		.map((l) => l.split(',')[0]!);
}

/** Who referred the jeugdige to jeugdhulp. */
export const VERWIJZERS = [
	'gemeente',
	'huisarts',
	'jeugdarts',
	'gecertificeerde instelling',
	'medisch specialist',
	'rechter',
	'geen'
] as const;

/** Productcategorieën that are jeugdhulp with verblijf. */
export const MET_VERBLIJF = ['35', '36', '37', '38', '43', '44'];

/** Jeugdhulptrajecten: one row per traject. */
export const jeugdSchema = {
	name: 'jeugd_trajecten',
	title: 'Jeugdhulptrajecten',
	about: 'Eén regel per jeugdhulptraject.',
	example: [
		['J100200', 'BU01931000', '4-11', '45', 'nee', 'licht', 'huisarts', '01-03-2016', '30-11-2016', 'ja'],
		[
			'J100201',
			'BU01931010',
			'12-17',
			'43',
			'ja',
			'zwaar',
			'gecertificeerde instelling',
			'15-05-2016',
			'',
			''
		]
	],
	columns: [
		{
			name: 'clientnummer',
			type: 'text',
			required: true,
			description: 'Cliëntnummer in het bronsysteem (wordt gepseudonimiseerd)'
		},
		{ ...BUURTCODE_COLUMN },
		{
			name: 'leeftijdsklasse',
			type: 'code',
			codes: ['0-3', '4-11', '12-17', '18-22'],
			required: true,
			description: 'Leeftijdsklasse bij de start'
		},
		{
			name: 'productcategorie',
			type: 'code',
			codes: ijwCategories(),
			required: true,
			description: 'iJw productcategorie (JZ020)'
		},
		{ name: 'verblijf', type: 'boolean', required: true, description: 'Jeugdhulp met verblijf (ja/nee)' },
		{
			name: 'zwaarte',
			type: 'code',
			codes: ['licht', 'zwaar'],
			required: true,
			description: 'Lichte of zware vorm'
		},
		{
			name: 'verwijzer',
			type: 'code',
			codes: VERWIJZERS,
			required: true,
			description: 'Wie verwees'
		},
		{ name: 'startdatum', type: 'date', required: true, description: 'Start van het traject' },
		{ name: 'einddatum', type: 'date', required: false, description: 'Einde, leeg als het traject loopt' },
		{
			name: 'problemen_verminderd',
			type: 'boolean',
			required: false,
			description: 'Ervaren de jeugdige/ouders minder problemen na afloop (ja/nee, leeg als onbekend)'
		}
	],
	key: ['clientnummer', 'productcategorie', 'startdatum'],
	rules: [
		{
			column: 'einddatum',
			failsWhen: (t) => `${t('einddatum')} < ${t('startdatum')}`,
			message: 'einddatum ligt vóór de startdatum: corrigeer een van beide'
		},
		{
			column: 'verblijf',
			failsWhen: (t) =>
				`${t('verblijf')} <> (${t('productcategorie')} IN (${MET_VERBLIJF.map((c) => `'${c}'`).join(', ')}))`,
			message: `verblijf past niet bij de productcategorie: categorieën ${MET_VERBLIJF.join(', ')} zijn met verblijf, de andere zonder`
		},
		{
			column: 'problemen_verminderd',
			failsWhen: (t) => `${t('problemen_verminderd')} IS NOT NULL AND ${t('einddatum')} IS NULL`,
			message:
				'het resultaat (problemen_verminderd) is ingevuld bij een traject dat nog loopt: laat het leeg tot het einde'
		}
	]
} as const satisfies FileSchema;
