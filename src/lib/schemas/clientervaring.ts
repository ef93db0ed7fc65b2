import { EXPERIENCE_QUESTIONS } from '../measures/scales';
import type { ColumnSpec, FileSchema } from './column';

/** Client-experience surveys (SWT, WMO maatwerk, jeugdhulp, ouders): one row per respondent. */
export const clientervaringSchema = {
	name: 'clientervaring',
	title: 'Cliëntervaringsonderzoeken',
	about:
		'Eén regel per respondent van een cliëntervaringsonderzoek (sociaal wijkteam, WMO-maatwerk, jeugdhulp of ouders). Vul alleen de vragen in die het onderzoek stelde.',
	example: [
		['5001', '2016', 'swt', '1,2', 'ja', 'ja', '', '', ''],
		['5002', '2016', 'jeugd', '0,9', '', '', '', 'ja', '8']
	],
	columns: [
		{
			name: 'respondentnummer',
			type: 'text',
			required: true,
			description: 'Volgnummer van de respondent (wordt niet gepubliceerd)'
		},
		{
			name: 'jaar',
			type: 'integer',
			min: 2000,
			max: 2100,
			required: true,
			description: 'Jaar van het onderzoek'
		},
		{
			name: 'onderzoek',
			type: 'code',
			codes: ['swt', 'wmo', 'jeugd', 'ouders'],
			required: true,
			description: 'Welk onderzoek'
		},
		{ name: 'gewicht', type: 'decimal', min: 0.001, max: 100000, required: true, description: 'Weegfactor' },
		...EXPERIENCE_QUESTIONS.map((q): ColumnSpec =>
			q.kind === 'cijfer'
				? {
						name: q.column,
						type: 'integer',
						min: 1,
						max: 10,
						required: false,
						description: `Cijfer: ${q.label}`
					}
				: { name: q.column, type: 'boolean', required: false, description: `Ja/nee: ${q.label}` }
		)
	],
	key: ['respondentnummer', 'jaar', 'onderzoek'],
	rules: [
		{
			column: 'onderzoek',
			failsWhen: (t) => EXPERIENCE_QUESTIONS.map((q) => `${t(q.column)} IS NULL`).join(' AND '),
			message: 'de respondent beantwoordde geen enkele vraag: laat de regel weg of vul de antwoorden in'
		}
	]
} as const satisfies FileSchema;
