/** The Buurt-voor-Buurt schaalscores Koers reads: export column, reference column, meaning, good direction. */
export const SURVEY_SCALES = [
	{ column: 'participatie', reference: 'b_spart', label: 'sociale participatie', better: 'higher' },
	{ column: 'isolement', reference: 'b_scisol', label: 'sociaal isolement', better: 'lower' },
	{ column: 'cohesie', reference: 'b_scoh', label: 'sociale cohesie', better: 'higher' },
	{ column: 'inzet', reference: 'b_miinz', label: 'maatschappelijke inzet', better: 'higher' },
	{ column: 'belemmering', reference: 'b_gbep', label: 'belemmering door beperking', better: 'lower' },
	{ column: 'buurtoordeel', reference: 'b_aevalb', label: 'evaluatie van de buurt', better: 'higher' }
] as const;

/** Client-experience questions: ja/nee questions give a percentage, the cijfer a mean 1–10. */
export const EXPERIENCE_QUESTIONS = [
	{ column: 'swt_vindbaar', label: 'weet het sociaal wijkteam te vinden', kind: 'ja/nee' },
	{
		column: 'swt_voldoende',
		label: 'beoordeelt de ondersteuning van het SWT met een voldoende',
		kind: 'ja/nee'
	},
	{
		column: 'maatwerk_draagt_bij',
		label: 'maatwerkvoorziening draagt bij aan zelfredzaamheid en participatie',
		kind: 'ja/nee'
	},
	{
		column: 'ouders_kennen_swt',
		label: 'ouder weet dat je voor opvoed- en opgroeihulp bij het SWT terecht kunt',
		kind: 'ja/nee'
	},
	{ column: 'jeugdhulp_cijfer', label: 'tevredenheid over de jeugdhulp (cijfer 1–10)', kind: 'cijfer' }
] as const;
