import type { ColumnSpec, FileSchema } from '../src/lib/schemas/column';
import { SOURCES } from './sources/registry';

const INTRO = `# Aanleverformaat

<!-- Gemaakt door \`npm run docs\` uit de schema's in src/lib/schemas/; niet met de hand bewerken. -->

Zet de exports van één gemeente in \`data/raw/<gemeentecode>/\` (de CBS-code: GM en vier cijfers) en
draai \`npm run pipeline\`; hoe een nieuwe gemeente begint staat in \`docs/nieuwe-gemeente.md\`. Sjablonen staan in \`data/templates/\`. Alleen de WMO-export en het
Buurt-voor-Buurt onderzoek zijn verplicht; de andere bronnen zijn optioneel, en wat niet is
aangeleverd staat in het dashboard als "bron niet aangeleverd".

## Algemeen (alle bestanden)

- CSV of XLSX (Excel-werkmap, eerste werkblad; Excel-datums en datumgetallen worden omgezet;
  foutmeldingen noemen het rijnummer in Excel). Lever per bron één bestand: \`.csv\` of \`.xlsx\`.
- CSV met \`;\` of \`,\` als scheidingsteken (wordt herkend en gemeld), kopregel verplicht, kolomnamen
  precies zoals hieronder (volgorde vrij, hoofdletters maken niet uit, elke kolom één keer).
- Tekenset UTF-8 (met of zonder BOM) of Windows-1252 (Excel); de herkende tekenset staat in het
  runrapport.
- Datums als \`dd-mm-jjjj\` (bijvoorbeeld \`31-12-2016\`) of \`jjjj-mm-dd\`. Datums in de toekomst
  worden afgekeurd.
- Getallen met decimale komma (\`4,4\`) of punt (\`4.4\`), maar één notatie per bestand (gemengd is
  dubbelzinnig en wordt geweigerd); met een komma mag een punt als duizendtalscheiding (\`1.234,5\`).
- Geen totaalregels ("Totaal"), geen dubbele regels, geen lege bestanden, en het bestand moet
  compleet zijn (laatste regel met alle kolommen).
- Afgekeurde regels gaan in quarantaine met een rapport (regel, kolom, waarde, melding) in
  \`data/warehouse/<gemeente>/quarantaine/\`. Zijn het er meer dan 5% van het bestand (instelbaar
  met \`KOERS_MAX_QUARANTINE\`, een fractie), dan wordt niets gepubliceerd.
- Cliënt- en huishoudnummers worden gepseudonimiseerd (HMAC-SHA256) met de sleutel uit
  \`KOERS_PSEUDONYM_KEY\`; zonder sleutel weigert de pipeline echte data. Zet nooit een BSN, naam,
  geboortedatum of postcode in een export.

## WMO en jeugdhulp als iWmo- en iJw-berichten

In plaats van \`wmo_voorzieningen.csv\` mag de gemeente een map \`iwmo/\` aanleveren met iWmo-berichten,
en in plaats van \`jeugdhulp_trajecten.csv\` een map \`ijw/\` met iJw-berichten, elk bericht een
\`.xml\`-bestand zoals het uit het berichtenverkeer komt. Daarnaast \`postcode_buurt.csv\` (kolommen
\`postcode;buurtcode\`): de berichten noemen een postcode, geen buurt. En in \`bron.json\` de
\`peildatum_levering\`.

- **Releases**: iWmo 3.2 en iJw 3.2 (sinds april 2023); iWmo 2.0 wordt nog gelezen. Eén release per
  map. Elk 3.2-bericht wordt gecontroleerd tegen het XSD van zijn soort (met \`xmllint\`); een bericht
  dat niet voldoet, niet af is (afgebroken bestand), een andere namespace of release heeft, in de
  verkeerde map staat (een iJw-bericht in \`iwmo/\`) of een BerichtIdentificatie heeft die al in een
  ander bestand staat, wordt geweigerd met bestand, regel en de melding van het schema: er wordt dan
  niets gepubliceerd. Vraag de leverancier om een geldig bericht of haal het uit de map.
- **Welke berichten**: 301 (toewijzing), 305 (start zorg), 307 (stop zorg) en, voor iJw, JW315
  (verzoek om toewijzing: daarin staat de verwijzer). Andere geldige berichten (317, 319, 323, …)
  worden gecontroleerd en geteld, maar niet gebruikt.
- **Welk bericht wint**: per toegewezen product (ToewijzingNummer) telt de laatste 301
  (Toewijzingsdatum en -tijd); een 301 met RedenWijziging 01 (administratieve correctie) en een
  einddatum op of vóór de ingangsdatum is ingetrokken en telt niet. De 305 geeft de werkelijke start
  (zonder 305 de ingangsdatum van de toewijzing), de 307 het werkelijke einde en de reden;
  StatusAanlevering 3 trekt een eerdere 305 of 307 in, 2 vervangt hem. Berichten worden op
  dagtekening gelezen (en binnen een dag op bestandsnaam). Zonder 307 eindigt een toewijzing op haar
  geplande einddatum als die op of vóór de peildatum ligt; ligt die erna, dan loopt ze nog.
- **iWmo**: productcategorieën 01, 02, 04, 07, 11, 12, 13 en 15 worden HH, IB, KV, DB, RS, VV, WV en
  BW, altijd zorg in natura (een pgb zit niet in het berichtenverkeer).
- **iJw**: de productcategorie (JZ020) bepaalt verblijf (35–38, 43, 44) en zwaarte (die, plus 46
  crisis en 52 specialistische ggz, zijn zwaar); de verwijzer komt uit de JW315 met dezelfde
  ReferentieAanbieder als de toewijzing (01 gemeente, 02 huisarts, 03 jeugdarts, 04 gecertificeerde
  instelling, 05 medisch specialist, 06 geen verwijzer, 08 rechter); zonder JW315 kwam de toewijzing
  via de eigen toegang: verwijzer gemeente. De leeftijdsklasse volgt uit de geboortedatum op de
  startdatum. Het resultaat (\`problemen_verminderd\`) staat niet in de berichten: met berichten is het
  resultaat "niet aangeleverd".
- **Quarantaine** (met bestand en element): een 305 of 307 bij een toewijzing die geen 301 heeft
  toegewezen, een einde vóór de start, een start bij een ingetrokken toewijzing, een productcategorie
  die Koers niet telt (iJw 47 jeugdreclassering, 48 jeugdbescherming, 49 preventief justitieel kader),
  een postcode die niet in \`postcode_buurt.csv\` staat en een leeftijd buiten de Jeugdwet (0–22).
  Daarna gelden dezelfde controles als voor de CSV (bijvoorbeeld dubbele trajecten).
- Het BSN uit de berichten wordt direct na het lezen gepseudonimiseerd; de tijdelijke omzetting staat
  alleen voor de eigenaar leesbaar en wordt altijd verwijderd, ook als de run mislukt.

## Enquêtes als SPSS-bestand

Het Buurt-voor-Buurt onderzoek en het cliëntervaringsonderzoek mogen ook als SPSS-systeembestand
komen: \`bvb_respondenten.sav\` of \`clientervaring.sav\` (gecomprimeerd of niet; ZSAV niet: sla het op
als gewone .sav), in plaats van de CSV.

- Variabelen worden op naam gekoppeld aan de kolommen hieronder, zonder onderscheid tussen hoofd- en
  kleine letters (\`RespondentNummer\` is \`respondentnummer\`); andere variabelen worden niet gelezen (het
  runrapport telt ze). Een naam die twee keer voorkomt wordt geweigerd.
- De weegfactor is de variabele \`gewicht\`, of anders de gewichtsvariabele van het bestand (WEIGHT BY);
  zonder een van beide wordt het bestand geweigerd.
- Numerieke variabelen met waardelabels geven het label: bij ja/nee-kolommen de labels \`ja\`/\`nee\`
  (ook \`j\`/\`n\` en \`yes\`/\`no\`, hoofdletters maken niet uit), bij codekolommen de code zelf
  (bijvoorbeeld \`18-34\`). Een ander label (bijvoorbeeld \`misschien\`) gaat in quarantaine.
- Ontbrekende waarden van de gebruiker (MISSING VALUES, zoals 99 "weet niet") en systeem-ontbrekende
  waarden zijn leeg.
- Meldingen noemen de regel zoals in de CSV: regel n is geval n − 1 (regel 1 is de kopregel).

## Enquête als cijfers per buurt (zonder respondentgegevens)

Blijven de respondentgegevens bij de afdeling onderzoek, dan mag het Buurt-voor-Buurt onderzoek komen
als cijfers per buurt, in plaats van \`bvb_respondenten\` (lever één van beide):

- **Lange indeling**: \`bvb_buurtcijfers.csv\`, één regel per buurt, jaar en onderwerp met waarde,
  gewicht (de som van de weegfactoren) en aantal respondenten; zie de tabel \`bvb_buurtcijfers\` hieronder.
- **Brede indeling** van een statistiekcatalogus: een map \`bvb_buurtcijfers/\` met \`levering.yaml\`, die
  de export beschrijft (een regel per gebied, een kolom per onderwerp) en het variabelenbestand
  noemt (kolommen \`Onderwerpcode\`, \`Aggregatie-onderwerp\` met de gewichtkolom en \`Drempel-onderwerp\` met
  de kolom van het aantal respondenten):

\`\`\`yaml
jaar: 2014
gegevens: buurtcijfers_2014.csv # de export (pad vanaf deze map)
variabelen: variabelen_2014.csv # het variabelenbestand
gebied:
  kolom: GEOITEM # de gebiedscode in de export
  buurtcode: BU0193{code}0 # zo wordt een gebiedscode een CBS-buurtcode
  onbekend: [999] # gebiedscodes voor "onbekend"
onderwerpen: # onderwerp in Koers: kolom in de export
  participatie: b_spart
  isolement: b_scisol
# Alleen als de export die kolommen niet heeft, en met reden:
# gewicht: b_gw… # één gewichtkolom voor elk onderwerp
# respondenten: niet aangeleverd # de leverancier paste de drempel al toe
\`\`\`

- Wijk- en gemeentecijfers zijn gewogen gemiddelden van de buurtcijfers (nooit gewone gemiddelden).
  Een buurt onder de drempel van 30 respondenten wordt onderdrukt gepubliceerd maar telt mee in
  wijk en gemeente, net als bij respondentgegevens; het gebied "onbekend" telt alleen mee in de
  gemeente. Een buurt zonder waarde (door de leverancier onderdrukt) telt niet mee.
- Zonder respondentgegevens is er geen standaardfout: bij een streefdoel op deze cijfers staat dat de
  significantie niet getoetst kon worden, en een verschil heet nooit significant.
- Geweigerd, met bestand en regel: een onderwerpkolom, gewichtkolom of respondentenkolom die niet in de
  export staat (zonder \`respondenten: niet aangeleverd\`). In quarantaine, met regel en kolom: een
  gebiedscode die geen buurt van de gebiedsindeling wordt, een gewicht van 0, een waarde zonder gewicht of
  zonder aantal respondenten.

## Gebiedsindeling

Wijken en buurten komen uit de CBS-gebiedsindeling in de map van de gemeente:
\`data/gemeenten/<gemeentecode>/gebieden/<jaar>/\`, met \`wijken.csv\` en \`buurten.csv\` (kolommen
\`statcode,statnaam,gemeentecode,wijkcode\`, zoals de CBS-bestanden; bij een wijk is \`wijkcode\` de
eigen code) en/of de CBS-buurtgrenzen (\`buurten.shp\` met \`.dbf\` en \`.prj\`, \`buurten.geojson\` of de
wijk- en buurtkaart als \`.gpkg\`); zie \`docs/nieuwe-gemeente.md\`. Buurtcodes in de exports moeten in
die indeling staan. Wie geen gemeentemap heeft, mag dezelfde map \`gebieden/<jaar>/\` naast de exports
leveren en de naam als \`"naam"\` in \`bron.json\` zetten; de landelijke voorbeelddata
(\`npm run synth -- --schaal landelijk\`) doet het zo voor 340 gegenereerde gemeenten.

## Open data van CBS

Tabellen van CBS (StatLine, opendata.cbs.nl) staan naast de gemeenten: \`<aanlevering>/cbs/<tabel-id>/\`, één
map per tabel, genoemd naar de tabel (bijvoorbeeld \`cbs/86050NED/\`). Sla de bestanden op zoals de OData-API
van CBS ze geeft (\`https://opendata.cbs.nl/ODataApi/OData/<tabel-id>/…\`):

- \`DataProperties.json\` (verplicht): de beschrijving van de kolommen. Koers kent een onderwerp aan zijn
  sleutel zonder het volgnummer (\`WmoClienten_5\` en \`WmoClienten_86\` zijn hetzelfde onderwerp \`WmoClienten\`)
  en aan zijn titel, nooit aan zijn positie; een kolom die er niet in staat, wordt geweigerd.
- de gegevens: \`TypedDataSet.json\` of \`UntypedDataSet.json\`, of bij meer dan 10.000 rijen de pagina's als
  \`TypedDataSet-1.json\`, \`TypedDataSet-2.json\`, … (een pagina met \`odata.nextLink\` zonder volgende pagina
  wordt geweigerd); of StatLine's CSV-download met de sleutels als kopregel.
- \`RegioS.json\` of \`WijkenEnBuurten.json\` en \`Perioden.json\` (de namen van gebieden en de status van
  perioden) en \`TableInfos.json\` (de titel): aanbevolen.

Gebiedscodes zonder spaties (\`GMnnnn    \` wordt \`GMnnnn\`); perioden als \`jjjjJJ00\` (jaar), \`jjjjHJ01\`/\`HJ02\`,
\`jjjjKWnn\` en \`jjjjMMnn\`, met de status definitief, voorlopig (\`*\`) of nader voorlopig (\`**\`); een geheim of
onbekend cijfer (\`.\`, \`null\`, \`-99997\`) wordt leeg, nooit 0; elke eenheid blijft zoals CBS die geeft (per
1.000 en per 10.000 worden niet omgerekend). Gepubliceerd als tabel \`cbs_cijfers\`, met "Bron: CBS" (CC BY 4.0).

### Benchmark: de tabellen die de vergelijking met andere gemeenten leest

- \`cbs/86050NED/\` (Wmo-cliënten; regio): BBV 32 voor alle gemeenten en Nederland, in de eenheid van CBS.
- \`cbs/70072NED/\` (Regionale kerncijfers Nederland, onderwerp \`TotaleBevolking\`): de inwoners op 1 januari,
  waaruit de CBS-gemeentegrootte volgt (zonder deze tabel: de eigen bevolking van de gemeenten in de release).
- \`cbs/gemeenten-alfabetisch.csv\`: CBS' lijst "Gemeenten alfabetisch" bij de gemeentelijke indeling, opgeslagen
  als CSV (\`;\` of \`,\`) met de kolommen \`Gemeentecode\`, \`GemeentecodeGM\`, \`Gemeentenaam\`, \`Provinciecode\`,
  \`ProvinciecodePV\` en \`Provincienaam\`: de provincie van elke gemeente (zonder deze lijst geen vergelijking per
  provincie). Een ontbrekende kolom, een onjuiste code of een gemeente die twee keer voorkomt, wordt geweigerd
  met bestand, regel en kolom.

Koers publiceert daaruit de tabel \`benchmark\` (één bestand per indicator voor alle gemeenten): per BBV-indicator,
bron, gemeente en jaar de waarde, met provincie, inwoners en grootteklasse.

## Wat wordt gepubliceerd

Alleen aantallen en gemiddelden per gemeente, wijk en buurt: aantallen personen van 0 tot en met 7
als "onderdrukt", andere afgerond op 5, percentages berekend na afronding; enquêtegemiddelden alleen
bij minstens 30 respondenten. Financiële bedragen zijn geen persoonsgegevens en worden gepubliceerd
zoals aangeleverd.
`;

function describeType(c: ColumnSpec): [string, string] {
	switch (c.type) {
		case 'text':
			return ['tekst', c.hint ?? ''];
		case 'code':
			return [
				'code',
				c.codes.map((code) => `\`${code}\`${c.labels?.[code] ? ` ${c.labels[code]}` : ''}`).join(', ')
			];
		case 'reference':
			return [
				c.hint,
				c.hint === 'buurtcode'
					? 'een buurt van de gemeente in de CBS-gebiedsindeling, bijvoorbeeld `BU01931000`'
					: 'een geldige code voor dat jaar'
			];
		case 'date':
			return ['datum', '`dd-mm-jjjj` of `jjjj-mm-dd`, niet in de toekomst'];
		case 'integer':
			return ['geheel getal', `${c.min} tot en met ${c.max}`];
		case 'decimal':
			return ['getal', c.min <= -1e9 ? 'bedrag in euro' : `${c.min} tot en met ${c.max}`];
		case 'boolean':
			return ['ja/nee', '`ja` of `nee`'];
	}
}

function section(stem: string, schema: FileSchema, required: boolean): string {
	const rows = schema.columns.map((c) => {
		const [type, allowed] = describeType(c);
		return `| ${c.name} | ${type} | ${c.required ? 'ja' : 'nee'} | ${c.description}${allowed ? `; ${allowed}` : ''} |`;
	});
	const rules = schema.rules.map((r) => `- \`${r.column}\`: ${r.message}.`);
	return [
		`## ${schema.title}: \`${stem}.csv\``,
		'',
		`${schema.about} ${required ? 'Verplicht.' : 'Optioneel.'} Sleutel (elke combinatie één keer): ${schema.key.map((k) => `\`${k}\``).join(' + ')}.`,
		'',
		'| kolom | type | verplicht | betekenis en toegestane waarden |',
		'|---|---|---|---|',
		...rows,
		...(rules.length > 0 ? ['', 'Controles over kolommen heen:', '', ...rules] : []),
		'',
		`Sjabloon: \`data/templates/${stem}.csv\`.`,
		''
	].join('\n');
}

/** The delivery-format document, rendered from the schemas of every source. */
export function deliveryFormatMarkdown(): string {
	return [INTRO, ...SOURCES.map((s) => section(s.stem, s.schema, s.required))].join('\n');
}

/** A template CSV for a source: the header and the example rows. */
export function templateCsv(schema: FileSchema): string {
	return [schema.columns.map((c) => c.name), ...schema.example].map((row) => row.join(';')).join('\n') + '\n';
}
