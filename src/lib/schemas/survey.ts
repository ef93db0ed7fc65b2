import { SURVEY_SCALES } from '../measures/scales';
import { BUURTCODE_COLUMN, type ColumnSpec, type FileSchema } from './column';

/** Buurt-voor-Buurt survey: one row per respondent. */
export const surveySchema: FileSchema = {
	name: 'bvb_respondenten',
	title: 'Buurt-voor-Buurt onderzoek',
	about: 'Eén regel per respondent van het Buurt-voor-Buurt onderzoek (inwoners van 18 jaar en ouder).',
	example: [
		['1001', '2016', 'BU01931000', '50-64', 'ja', '12,5', '4,6', '2,1', '5,2', '2,8', '3,9', '7,5'],
		['1002', '2016', 'BU01931000', '35-49', 'nee', '9,75', '5,3', '', '6,1', '', '0,4', '8']
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
		...SURVEY_SCALES.map((scale): ColumnSpec => ({
			name: scale.column,
			type: 'decimal',
			min: 0,
			max: 10,
			required: false,
			// Participatie and isolement are in every wave; other scales only when a wave measured them.
			optionalInHeader: scale.column !== 'participatie' && scale.column !== 'isolement',
			description: `Schaalscore ${scale.label} (0–10, ${scale.better === 'higher' ? 'hoger is beter' : 'lager is beter'}); leeg bij geen antwoord`
		}))
	],
	key: ['respondentnummer', 'jaar'],
	rules: []
};
