import { SURVEY_SCALES } from '../measures/scales';
import type { FileSchema } from './column';

/**
 * Buurt-voor-Buurt figures per area as a statistics department delivers them when the microdata
 * stay in-house: one row per area, year, onderwerp (and doelgroep), with the value, the weight and
 * the number of respondents. The wide layout of a statistics catalogue is converted to this one.
 */
const baseSchema: FileSchema = {
	name: 'bvb_buurtcijfers',
	title: 'Buurt-voor-Buurt onderzoek: cijfers per buurt',
	about:
		'Eén regel per buurt, jaar en onderwerp (schaalscore) van het Buurt-voor-Buurt onderzoek, zoals de afdeling onderzoek en statistiek ze levert als de respondentgegevens intern blijven. In plaats van `bvb_respondenten`.',
	example: [
		['2014', 'BU01931000', 'participatie', '18+', '5,2039', '412,5', '61'],
		['2014', 'onbekend', 'participatie', '18+', '', '', '']
	],
	columns: [
		{ name: 'jaar', type: 'integer', min: 2000, max: 2100, required: true, description: 'Enquêtejaar' },
		{
			name: 'buurtcode',
			type: 'text',
			pattern: 'BU[0-9]{8}|onbekend',
			hint: 'een CBS-buurtcode (BU…) of onbekend',
			required: true,
			description:
				'CBS-buurtcode, of `onbekend` voor respondenten zonder bekende buurt (die tellen mee in de gemeente, niet in een wijk)'
		},
		{
			name: 'onderwerp',
			type: 'code',
			codes: SURVEY_SCALES.map((s) => s.column),
			required: true,
			description: 'De schaalscore'
		},
		{
			name: 'doelgroep',
			type: 'code',
			codes: ['18+', '18+ met beperking'],
			required: false,
			optionalInHeader: true,
			description: 'Doelgroep; leeg of weggelaten is `18+`'
		},
		{
			name: 'waarde',
			type: 'decimal',
			min: 0,
			max: 10,
			required: false,
			description: 'Gewogen gemiddelde schaalscore (0–10); leeg als de leverancier het heeft onderdrukt'
		},
		{
			name: 'gewicht',
			type: 'decimal',
			min: 0,
			max: 1e9,
			required: false,
			description:
				'Som van de weegfactoren van de respondenten (het gewicht waarmee de buurt meetelt in wijk en gemeente); groter dan 0 bij een waarde'
		},
		{
			name: 'respondenten',
			type: 'integer',
			min: 0,
			max: 1_000_000,
			required: false,
			description:
				'Aantal respondenten; verplicht bij een waarde, tenzij de levering zegt dat het niet is aangeleverd'
		}
	],
	key: ['jaar', 'buurtcode', 'onderwerp', 'doelgroep'],
	rules: [
		{
			column: 'buurtcode',
			failsWhen: (t) =>
				`${t('buurtcode')} <> 'onbekend' AND ${t('buurtcode')} NOT IN (SELECT code FROM ref_buurten)`,
			message: 'onbekende buurtcode: gebruik een code uit de CBS-gebiedsindeling van de gemeente, of onbekend'
		},
		{
			column: 'gewicht',
			failsWhen: (t) => `${t('waarde')} IS NOT NULL AND coalesce(${t('gewicht')}, 0) <= 0`,
			message:
				'een waarde zonder gewicht (of met gewicht 0) kan niet meetellen in wijk en gemeente: lever de som van de weegfactoren'
		}
	]
};

/** The file as delivered: a value needs its number of respondents, so Koers can apply its threshold. */
export const surveyFiguresSchema: FileSchema = {
	...baseSchema,
	rules: [
		...baseSchema.rules,
		{
			column: 'respondenten',
			failsWhen: (t) => `${t('waarde')} IS NOT NULL AND ${t('respondenten')} IS NULL`,
			message:
				'een waarde zonder aantal respondenten: lever het aantal, zodat Koers de drempel kan toepassen (of zeg in levering.yaml dat de leverancier de drempel al toepaste)'
		}
	]
};

/**
 * The same file when the delivery states that respondent counts are not delivered because the
 * supplier applied its own threshold (empty values): a value then needs no count.
 */
export const surveyFiguresWithoutCountsSchema: FileSchema = baseSchema;
