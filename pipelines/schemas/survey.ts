import { BUURTCODE_COLUMN, type FileSchema } from './column';

/** Buurt-voor-Buurt survey: one row per respondent. */
export const surveySchema: FileSchema = {
	name: 'bvb_respondenten',
	title: 'Buurt-voor-Buurt onderzoek',
	about: 'Eén regel per respondent van het Buurt-voor-Buurt onderzoek (inwoners van 18 jaar en ouder).',
	example: [
		['1001', '2016', 'BU01931000', '50-64', 'ja', '12,5', '4,6', '2,1'],
		['1002', '2016', 'BU01931000', '35-49', 'nee', '9,75', '5,3', '']
	],
	columns: [
		{
			name: 'respondentnummer',
			type: 'text',
			required: true,
			description: 'Volgnummer van de respondent (wordt niet gepubliceerd)'
		},
		{ name: 'jaar', type: 'integer', min: 2000, max: 2100, required: true, description: 'Enquêtejaar' },
		BUURTCODE_COLUMN,
		{
			name: 'leeftijdsklasse',
			type: 'code',
			codes: ['18-34', '35-49', '50-64', '65-79', '80+'],
			required: true,
			description: 'Leeftijdsklasse'
		},
		{
			name: 'beperking',
			type: 'boolean',
			required: true,
			description: 'Beperking of chronische ziekte (ja/nee)'
		},
		{ name: 'gewicht', type: 'decimal', min: 0.001, max: 100000, required: true, description: 'Weegfactor' },
		{
			name: 'participatie',
			type: 'decimal',
			min: 0,
			max: 10,
			required: false,
			description: 'Schaalscore sociale participatie (0–10)'
		},
		{
			name: 'isolement',
			type: 'decimal',
			min: 0,
			max: 10,
			required: false,
			description: 'Schaalscore sociaal isolement (0–10)'
		}
	],
	key: ['respondentnummer', 'jaar'],
	rules: []
};
