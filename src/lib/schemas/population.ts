import { BUURTCODE_COLUMN, type FileSchema } from './column';

/** Population reference: inhabitants on 1 January per buurt and age band (CBS or the BRP). */
export const populationSchema = {
	name: 'bevolking_buurt',
	title: 'Bevolking per buurt en leeftijdsklasse',
	about:
		'Eén regel per jaar, buurt en leeftijdsklasse: het aantal inwoners op 1 januari (CBS of BRP). Nodig voor rates per 1.000 of 10.000 inwoners.',
	example: [
		['2016', 'BU01931000', '0-14', '160'],
		['2016', 'BU01931000', '18-64', '1450']
	],
	columns: [
		{
			name: 'jaar',
			type: 'integer',
			min: 2000,
			max: 2100,
			required: true,
			description: 'Jaar (stand op 1 januari)'
		},
		{ ...BUURTCODE_COLUMN, description: 'CBS-buurtcode' },
		{
			name: 'leeftijdsklasse',
			type: 'code',
			codes: ['0-14', '15-17', '18-64', '65+'],
			required: true,
			description: 'Leeftijdsklasse'
		},
		{
			name: 'inwoners',
			type: 'integer',
			min: 0,
			max: 10_000_000,
			required: true,
			description: 'Aantal inwoners'
		}
	],
	key: ['jaar', 'buurtcode', 'leeftijdsklasse'],
	rules: []
} as const satisfies FileSchema;
