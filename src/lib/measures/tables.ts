import { ROUNDING_BASE, SECRET_MAX } from '../disclosure/rules';
import { EXPERIENCE_QUESTIONS, SURVEY_SCALES } from './scales';
/**
 * The published tables: their columns with a Dutch description, which column holds the value, and
 * which columns may be used to select a measure. The catalogue, the pipeline's output check and the
 * SQL builders all read this one description.
 */
export interface PublishedTable {
	name: string;
	title: string;
	/** the column that holds a measure's value; null for reference tables */
	valueColumn: string | null;
	/** the column with the standard error of a survey estimate; null for counts (no sampling error) */
	standardErrorColumn: string | null;
	/** columns a catalogue entry may filter on, with their allowed values */
	dimensions: Record<string, readonly string[]>;
	columns: Record<string, string>;
}

/** WMO maatwerkvoorzieningen: local codes of the kinds in the begroting. */
export const VOORZIENINGEN = {
	HH: 'Huishoudelijke ondersteuning',
	IB: 'Individuele begeleiding',
	DB: 'Dagbesteding',
	KV: 'Kortdurend verblijf',
	WV: 'Woonvoorziening',
	VV: 'Vervoervoorziening',
	RS: 'Rolstoel',
	BW: 'Beschermd wonen'
} as const;

/** A voorziening code. */
export type Voorziening = keyof typeof VOORZIENINGEN;

const GEBIED_COLUMNS = {
	gemeente: 'CBS-code van de gemeente (GM en vier cijfers)',
	jaar: 'Jaar',
	gebied_niveau: 'gemeente, wijk of buurt',
	gebied_code: 'CBS-code van het gebied (GM…, WK…, BU…)'
};

export const TABLES = {
	wmo_clienten: {
		name: 'wmo_clienten',
		title: 'Inwoners met een WMO-maatwerkvoorziening',
		valueColumn: 'aantal',
		standardErrorColumn: null,
		dimensions: {
			voorziening: [...Object.keys(VOORZIENINGEN), 'TOTAAL'],
			meting: ['in_gebruik', 'verstrekt']
		},
		columns: {
			...GEBIED_COLUMNS,
			voorziening:
				'Soort maatwerkvoorziening (HH, IB, DB, KV, WV, VV, RS, BW; TOTAAL = inwoners met ten minste één)',
			meting:
				'in_gebruik: inwoners met een lopende voorziening op 1 januari van het jaar; verstrekt: voorzieningen toegekend in het jaar',
			aantal: `Aantal, afgerond op ${ROUNDING_BASE}; leeg als het 0 tot en met ${SECRET_MAX} is (onthullingsbeheersing)`
		}
	},
	kerncijfers: {
		name: 'kerncijfers',
		title: 'Kerncijfers per gemeente (BBV-indicatoren, voorberekend)',
		valueColumn: 'waarde',
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			indicator: 'Id van de BBV-indicator (bbv-27-bijstand, bbv-29-jeugdhulp, bbv-32-wmo)',
			gemeente: 'CBS-code van de gemeente',
			gemeente_naam: 'Naam van de gemeente',
			jaar: 'Jaar',
			waarde:
				'Waarde in de eenheid van de indicator, berekend na afronding; leeg als teller of noemer onderdrukt is',
			teller: `Teller (afgerond op ${ROUNDING_BASE}; leeg als onderdrukt)`,
			noemer: 'Noemer (inwoners in de doelgroep; leeg als onvolledig)'
		}
	},
	gebieden: {
		name: 'gebieden',
		title: 'Gebieden (CBS-indeling)',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: 'CBS-code van de gemeente',
			gebied_niveau: 'gemeente, wijk of buurt',
			gebied_code: 'CBS-code van het gebied',
			gebied_naam: 'Naam van het gebied',
			ouder_code: 'Code van het gebied waar dit gebied in ligt (buurt → wijk → gemeente)'
		}
	},
	bevolking: {
		name: 'bevolking',
		title: 'Bevolking per gebied en leeftijdsklasse (noemer voor rates)',
		valueColumn: 'inwoners',
		standardErrorColumn: null,
		dimensions: { leeftijdsklasse: ['0-14', '15-17', '18-64', '65+', 'totaal'] },
		columns: {
			...GEBIED_COLUMNS,
			leeftijdsklasse: "0-14, 15-17, 18-64, 65+ of 'totaal'",
			inwoners: `Inwoners op 1 januari, afgerond op ${ROUNDING_BASE}; leeg bij 0 tot en met ${SECRET_MAX}`
		}
	},
	jeugdhulp: {
		name: 'jeugdhulp',
		title: 'Jeugdigen met jeugdhulp',
		valueColumn: 'jeugdigen',
		standardErrorColumn: null,
		dimensions: { vorm: ['totaal', 'zonder verblijf', 'met verblijf', 'zwaar', 'herhaald beroep'] },
		columns: {
			...GEBIED_COLUMNS,
			vorm: "totaal, zonder verblijf, met verblijf, zwaar, of 'herhaald beroep' (nieuw traject binnen een jaar na het einde van een vorig)",
			jeugdigen: `Jeugdigen met een traject op minstens één dag van het jaar, afgerond op ${ROUNDING_BASE}; leeg bij 0 tot en met ${SECRET_MAX}`
		}
	},
	jeugdhulp_resultaat: {
		name: 'jeugdhulp_resultaat',
		title: 'Resultaat van afgesloten jeugdhulptrajecten',
		valueColumn: 'percentage',
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Jaar waarin het traject eindigde',
			gebied_niveau: 'gemeente of wijk',
			gebied_code: GEBIED_COLUMNS.gebied_code,
			beantwoord: `Afgesloten trajecten met een bekend resultaat, afgerond op ${ROUNDING_BASE}`,
			verminderd: `Waarvan met vermindering van problemen, afgerond op ${ROUNDING_BASE}`,
			percentage: 'verminderd / beantwoord × 100, berekend na afronding'
		}
	},
	bijstand: {
		name: 'bijstand',
		title: 'Bijstand: huishoudens, uitstroom en jongeren',
		valueColumn: 'huishoudens',
		standardErrorColumn: null,
		dimensions: {
			maat: [
				'huishoudens in bijstand',
				'volledige uitstroom',
				'gedeeltelijke uitstroom',
				'instroom jongeren',
				'uitstroom jongeren naar werk of opleiding'
			]
		},
		columns: {
			...GEBIED_COLUMNS,
			maat: 'huishoudens in bijstand (eind van het jaar), volledige uitstroom (naar werk, onderneming of opleiding), gedeeltelijke uitstroom (inkomsten uit werk naast de uitkering), instroom jongeren (18–26), uitstroom jongeren naar werk of opleiding',
			huishoudens: `Aantal huishoudens, afgerond op ${ROUNDING_BASE}; leeg bij 0 tot en met ${SECRET_MAX}`
		}
	},
	poort: {
		name: 'poort',
		title: 'Meldingen bij de Poort',
		valueColumn: 'percentage',
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: GEBIED_COLUMNS.jaar,
			gebied_niveau: 'gemeente of wijk',
			gebied_code: GEBIED_COLUMNS.gebied_code,
			meldingen: `Meldingen, afgerond op ${ROUNDING_BASE}`,
			zonder_aanvraag: `Waarvan zonder formele bijstandsaanvraag, afgerond op ${ROUNDING_BASE}`,
			percentage: 'zonder_aanvraag / meldingen × 100, berekend na afronding'
		}
	},
	plaatsingen: {
		name: 'plaatsingen',
		title: 'Plaatsingen: garantiebanen, beschut werk, leerwerkbanen',
		valueColumn: 'plaatsingen',
		standardErrorColumn: null,
		dimensions: { soort: ['garantiebaan', 'beschut werk', 'leerwerkbaan'] },
		columns: {
			...GEBIED_COLUMNS,
			soort: 'garantiebaan, beschut werk of leerwerkbaan',
			plaatsingen: `Lopende plaatsingen aan het eind van het jaar, afgerond op ${ROUNDING_BASE}`
		}
	},
	baten_lasten: {
		name: 'baten_lasten',
		title: 'Baten en lasten per doel, taakveld en begrotingsfase',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Begrotingsjaar',
			programma: 'Programmanummer',
			doel: 'Doelnummer (bijv. 2.1.1)',
			doel_naam: 'Naam van het doel',
			taakveld: 'Iv3-taakveld (vanaf 2023 de subcodes)',
			fase: 'primitieve begroting, begroting na wijziging of realisatie',
			lasten: 'Lasten in euro',
			baten: 'Baten in euro',
			toevoeging_reserves: 'Toevoeging aan reserves in euro',
			onttrekking_reserves: 'Onttrekking aan reserves in euro'
		}
	},
	kredieten: {
		name: 'kredieten',
		title: 'Kredieten',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Begrotingsjaar',
			doel: 'Doelnummer',
			krediet: 'Naam van het krediet',
			status: 'vastgesteld of voorgesteld',
			omvang: 'Omvang krediet in euro',
			gerealiseerd_tm_vorig_jaar: 'Gerealiseerd tot en met twee jaar vóór het begrotingsjaar',
			raming_vorig_jaar: 'Raming voor het jaar vóór het begrotingsjaar',
			raming_begrotingsjaar: 'Raming voor het begrotingsjaar',
			raming_later: 'Raming voor de jaren daarna',
			resterend: 'Resterend krediet zoals het document het noemt (leeg als niet aangeleverd)'
		}
	},
	baten_lasten_overzicht: {
		name: 'baten_lasten_overzicht',
		title: 'Overzicht baten en lasten zoals in het begrotingsdocument',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Begrotingsjaar',
			fase: 'primitieve begroting, begroting na wijziging of realisatie',
			niveau: 'doel, programma of totaal',
			code: 'Doelnummer, programmanummer of "totaal"',
			omschrijving: 'Naam van de regel zoals in het document',
			lasten: 'Lasten in euro',
			baten: 'Baten in euro',
			saldo: 'Saldo als netto lasten (lasten − baten), zoals in het document',
			toevoeging_reserves: 'Toevoeging aan reserves in euro',
			onttrekking_reserves: 'Onttrekking aan reserves in euro',
			geraamd_resultaat: 'Geraamd resultaat (saldo + toevoeging − onttrekking), zoals in het document'
		}
	},
	kredieten_totalen: {
		name: 'kredieten_totalen',
		title: 'Subtotalen en totaal van het overzicht kredieten, zoals in het document',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Begrotingsjaar',
			doel: 'Doelnummer',
			regel: 'subtotaal vastgestelde mutaties, subtotaal voorgestelde mutaties of totaal',
			omvang: 'Omvang in euro',
			gerealiseerd_tm_vorig_jaar: 'Gerealiseerd in euro',
			resterend: 'Resterend krediet in euro',
			raming_vorig_jaar: 'Raming voor het jaar vóór het begrotingsjaar',
			raming_begrotingsjaar: 'Raming voor het begrotingsjaar',
			raming_later: 'Raming voor de jaren daarna'
		}
	},
	iv3: {
		name: 'iv3',
		title: 'Iv3-export per taakveld (financiële administratie)',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Begrotingsjaar',
			fase: 'primitieve begroting, begroting na wijziging of realisatie',
			taakveld: 'Iv3-taakveld (vanaf 2023 de subcodes; 0.10 mutaties reserves)',
			lasten: 'Lasten in euro',
			baten: 'Baten in euro'
		}
	},
	bestedingsvoorstellen: {
		name: 'bestedingsvoorstellen',
		title: 'Bestedingsvoorstellen',
		valueColumn: null,
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			gemeente: GEBIED_COLUMNS.gemeente,
			jaar: 'Begrotingsjaar',
			soort: 'incidenteel of structureel',
			nummer: 'Nummer (per soort)',
			doel: 'Doelnummer',
			omschrijving: 'Omschrijving',
			bedrag: 'Bedrag per jaar in euro'
		}
	},
	clientervaring: {
		name: 'clientervaring',
		title: 'Cliëntervaringsonderzoeken',
		valueColumn: 'waarde',
		standardErrorColumn: 'standaardfout',
		dimensions: { vraag: EXPERIENCE_QUESTIONS.map((q) => q.column) },
		columns: {
			...GEBIED_COLUMNS,
			vraag: EXPERIENCE_QUESTIONS.map((q) => `${q.column}: ${q.label}`).join('; '),
			waarde:
				'Gewogen percentage ja (0–100), of gewogen gemiddeld cijfer; leeg onder de drempel van respondenten',
			standaardfout: 'Standaardfout',
			respondenten: `Aantal respondenten, afgerond op ${ROUNDING_BASE}`
		}
	},
	bvb_schaalscores: {
		name: 'bvb_schaalscores',
		title: 'Buurt-voor-Buurt onderzoek: schaalscores',
		valueColumn: 'gemiddelde',
		standardErrorColumn: 'standaardfout',
		dimensions: {
			schaal: SURVEY_SCALES.map((s) => s.column),
			doelgroep: ['18+', '18+ met beperking']
		},
		columns: {
			...GEBIED_COLUMNS,
			schaal:
				'participatie (sociale participatie, hoger is beter) of isolement (sociaal isolement, lager is beter)',
			doelgroep:
				"'18+' alle inwoners van 18 jaar en ouder; '18+ met beperking' met een beperking of chronische ziekte",
			gemiddelde: 'Gewogen gemiddelde schaalscore (0–10); leeg onder de drempel van respondenten',
			standaardfout: 'Standaardfout van het gewogen gemiddelde',
			respondenten: `Aantal respondenten, afgerond op ${ROUNDING_BASE}`
		}
	},
	cbs_cijfers: {
		name: 'cbs_cijfers',
		title: 'CBS open data (Bron: CBS, CC BY 4.0), zoals CBS het publiceert',
		valueColumn: 'waarde',
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			tabel: 'CBS-tabel (bijvoorbeeld 86050NED)',
			maat: 'Onderwerp van de tabel, zonder het volgnummer dat per editie verschuift (WmoClienten)',
			categorie:
				'Categorie van de andere dimensies van de tabel (Totaal, …): code, of de titel als de tabel met titels is geleverd; leeg als de tabel er geen heeft',
			maat_titel: 'Titel van het onderwerp bij CBS',
			eenheid: 'Eenheid zoals CBS die geeft (aantal, per 1 000 inwoners, per 10 000 …): nooit omgerekend',
			gebied_code: 'CBS-code van het gebied (NL01, GM…, WK…, BU…)',
			gebied_niveau: 'land, landsdeel, provincie, gemeente, wijk of buurt',
			gebied_naam: 'Naam van het gebied bij CBS',
			periode: 'Periode zoals CBS die codeert (2024JJ00, 2023HJ01, …)',
			jaar: 'Jaar van de periode',
			periode_soort: 'jaar, halfjaar, kwartaal of maand',
			periode_nummer: 'Nummer van het halfjaar, kwartaal of de maand (leeg bij een jaar)',
			status:
				'definitief, voorlopig (*) of nader voorlopig (**); onbekend als het bestand het niet zegt (een download met titels laat de * weg)',
			waarde: 'Waarde; leeg als CBS het cijfer geheimhoudt of niet kent (nooit 0)'
		}
	},
	benchmark: {
		name: 'benchmark',
		title:
			'Benchmark: elke BBV-indicator van elke gemeente per bron, voorberekend (één bestand per indicator)',
		valueColumn: 'waarde',
		standardErrorColumn: null,
		dimensions: {},
		columns: {
			indicator: 'Id van de BBV-indicator (bbv-27-bijstand, bbv-29-jeugdhulp, bbv-32-wmo, …)',
			bron: 'eigen: berekend uit de registraties in deze release (kerncijfers); cbs: uit een CBS-tabel (Bron: CBS)',
			tabel: 'CBS-tabel bij bron cbs (bijvoorbeeld 86050NED); leeg bij eigen registraties',
			eenheid:
				'Eenheid van de waarde (procent, per 10.000, per 1.000): waarden in een andere eenheid worden nooit vergeleken',
			eenheid_tekst: 'De eenheid zoals de bron haar schrijft',
			niveau: 'gemeente, of land voor het cijfer van CBS voor Nederland',
			gemeente: 'CBS-code van de gemeente (NL01 voor Nederland)',
			gemeente_naam: 'Naam van de gemeente (uit CBS’ lijst van gemeenten als die is meegeleverd)',
			provincie: 'Provincie (uit CBS’ lijst gemeenten-alfabetisch.csv); leeg als die niet is meegeleverd',
			inwoners:
				'Inwoners op 1 januari van het laatste bekende jaar (CBS Regionale kerncijfers, anders de eigen bevolking)',
			inwoners_jaar: 'Het jaar van die inwoners',
			grootteklasse:
				'CBS-gemeentegrootte: 1 minder dan 5.000 … 8 250.000 of meer (van CBS’ Gebieden in Nederland als die is meegeleverd, anders berekend uit het inwonertal)',
			indeling:
				'De gemeentelijke indeling waarop provincie en grootteklasse berusten (leeg als ze uit de eigen gegevens komen)',
			aandeel_65plus:
				'Aandeel inwoners van 65 jaar en ouder (eigen bevolking, laatste jaar); leeg als onbekend',
			aandeel_jeugd: 'Aandeel inwoners jonger dan 18 jaar (eigen bevolking, laatste jaar); leeg als onbekend',
			jaar: 'Jaar',
			status:
				'Status van het jaar bij CBS (definitief, voorlopig, nader voorlopig); leeg bij eigen registraties',
			waarde: 'Waarde in de eenheid; leeg als het cijfer onderdrukt, geheim of onbekend is (nooit 0)',
			teller: `Teller bij eigen registraties (afgerond op ${ROUNDING_BASE}; leeg als onderdrukt)`,
			noemer: 'Noemer bij eigen registraties (inwoners in de doelgroep)'
		}
	}
} as const satisfies Record<string, PublishedTable>;

/** Tables that hold measures a streefdoel can refer to. */
export const MEASURE_TABLES = [
	'wmo_clienten',
	'bvb_schaalscores',
	'clientervaring',
	'jeugdhulp',
	'jeugdhulp_resultaat',
	'bevolking',
	'bijstand',
	'poort',
	'plaatsingen'
] as const;
/** Name of a measure table. */
export type MeasureTable = (typeof MEASURE_TABLES)[number];
