import { VOORZIENINGEN } from '../measures/tables';
import { BUURTCODE_COLUMN, type FileSchema } from './column';

/** WMO maatwerkvoorzieningen: one row per toewijzing. */
export const wmoSchema: FileSchema = {
	name: 'wmo_toewijzingen',
	title: 'WMO maatwerkvoorzieningen',
	about: 'Eén regel per toewijzing van een maatwerkvoorziening.',
	example: [
		['A123456', 'BU01931000', '75-84', 'HH', 'ZIN', '15-03-2014', '', ''],
		['A654321', 'BU01931010', '18-44', 'IB', 'PGB', '01-01-2015', '30-06-2016', '02']
	],
	columns: [
		{
			name: 'clientnummer',
			type: 'text',
			required: true,
			description: 'Cliëntnummer in het bronsysteem (wordt gepseudonimiseerd)'
		},
		BUURTCODE_COLUMN,
		{
			name: 'leeftijdsklasse',
			type: 'code',
			codes: ['0-17', '18-44', '45-64', '65-74', '75-84', '85+'],
			required: true,
			description: 'Leeftijdsklasse bij de start'
		},
		{
			name: 'voorziening',
			type: 'code',
			codes: Object.keys(VOORZIENINGEN),
			labels: VOORZIENINGEN,
			required: true,
			description: 'Soort maatwerkvoorziening'
		},
		{
			name: 'leveringsvorm',
			type: 'code',
			codes: ['ZIN', 'PGB'],
			labels: { ZIN: 'zorg in natura', PGB: 'persoonsgebonden budget' },
			required: true,
			description: 'Zorg in natura of persoonsgebonden budget'
		},
		{
			name: 'startdatum',
			type: 'date',
			required: true,
			description: 'Startdatum van de toewijzing (dd-mm-jjjj)'
		},
		{
			name: 'einddatum',
			type: 'date',
			required: false,
			description: 'Einddatum, leeg als de voorziening loopt'
		},
		{
			name: 'reden_beeindiging',
			type: 'text',
			pattern: '\\d{2}',
			hint: 'een code van twee cijfers (iWmo WMO588)',
			required: false,
			description: 'Reden beëindiging (iWmo WMO588)'
		}
	],
	key: ['clientnummer', 'voorziening', 'startdatum'],
	rules: [
		{
			column: 'leeftijdsklasse',
			// Minors can get WMO aids (woon-, vervoervoorziening, rolstoel); care goes through the Jeugdwet.
			failsWhen: (t) => `${t('leeftijdsklasse')} = '0-17' AND ${t('voorziening')} NOT IN ('WV', 'VV', 'RS')`,
			message:
				'leeftijdsklasse 0-17 past niet bij deze voorziening: jeugdigen krijgen deze ondersteuning via de Jeugdwet (alleen woon-, vervoervoorziening en rolstoel kunnen onder de WMO)'
		},
		{
			column: 'einddatum',
			failsWhen: (t) => `${t('einddatum')} < ${t('startdatum')}`,
			message: 'einddatum ligt vóór de startdatum: corrigeer een van beide'
		}
	]
};
