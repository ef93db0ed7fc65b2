import type { RowIssue } from '../../errors';
import { jeugdSchema, MET_VERBLIJF, VERWIJZERS } from '../../../src/lib/schemas/jeugd';
import { readMessageFolder, writeConvertedCsv } from './folder';
import { ageOn, applyMessages, ddmmyyyy, messageIssue as issue } from './release32';

/** iJw verwijzer type (JW315 Verwijzer/Type, release 3.2) → the verwijzer of the jeugdhulp export. */
export const IJW_VERWIJZER_TYPES: Record<(typeof VERWIJZERS)[number], string> = {
	gemeente: '01',
	huisarts: '02',
	jeugdarts: '03',
	'gecertificeerde instelling': '04',
	'medisch specialist': '05',
	geen: '06',
	rechter: '08'
};
const VERWIJZER_OF = Object.fromEntries(Object.entries(IJW_VERWIJZER_TYPES).map(([v, c]) => [c, v]));

/** JZ020 categories of the zware vormen: verblijf (pleegzorg, gezinsgericht, gesloten, residentieel), crisis, specialistische ggz. */
const ZWARE_CATEGORIEEN = [...MET_VERBLIJF, '46', '52'];
/** JZ020 categories that are not jeugdhulp but jeugdbescherming, jeugdreclassering or the preventief justitieel kader. */
const NIET_JEUGDHULP: Record<string, string> = {
	'47': 'jeugdreclassering',
	'48': 'jeugdbescherming',
	'49': 'activiteiten in het preventief justitieel kader'
};

/** Age band of the jeugdhulp export at the start; null above 22 (outside the Jeugdwet). */
function jeugdBand(age: number): string | null {
	return age < 0
		? null
		: age <= 3
			? '0-3'
			: age <= 11
				? '4-11'
				: age <= 17
					? '12-17'
					: age <= 22
						? '18-22'
						: null;
}

/**
 * Reads a folder of iJw release 3.2 messages (JW301 toewijzing, JW305 start zorg, JW307 stop zorg,
 * JW315 verzoek om toewijzing) and writes the equivalent jeugdhulp export as CSV, so it passes the
 * same checks as a delivered CSV. One row per toegewezen product (traject), by the rules of
 * `applyMessages`. The JZ020 productcategorie gives verblijf (35–38, 43, 44) and zwaarte (those, 46
 * crisis and 52 specialistische ggz are zwaar); the verwijzer comes from the JW315 whose
 * ReferentieAanbieder the toewijzing carries, and is the gemeente when the toewijzing came from its
 * own toegang (no JW315). The outcome (`problemen_verminderd`) is not in the messages: it stays
 * empty, so the outcome figures read "niet aangeleverd".
 */
export async function ijwToCsv(options: {
	dir: string;
	file: string;
	postcodes: Map<string, string>;
	deliveryDate: string;
}): Promise<{ csvPath: string; messages: number; issues: RowIssue[]; summary: string }> {
	const folder = await readMessageFolder({ dir: options.dir, file: options.file, standard: 'ijw' });
	if (folder.release !== '3_2') throw new Error('iJw is read in release 3.2 only');
	const applied = applyMessages(folder.messages, options.deliveryDate);
	const issues = [...applied.issues];
	const lines = [jeugdSchema.columns.map((c) => c.name).join(';')];
	for (const t of applied.trajecten) {
		const buurt = t.postcode ? options.postcodes.get(t.postcode) : undefined;
		const band = t.birth ? jeugdBand(ageOn(t.birth, t.start)) : null;
		const verwijzer = t.verwijzer === null ? 'gemeente' : VERWIJZER_OF[t.verwijzer];
		const reject =
			NIET_JEUGDHULP[t.category] !== undefined
				? issue(
						t.source,
						'ToegewezenProduct/Product/Categorie',
						t.category,
						`productcategorie ${t.category} is ${NIET_JEUGDHULP[t.category]}, geen jeugdhulp: Koers telt die niet bij de jeugdhulp`
					)
				: !buurt
					? issue(
							t.source,
							'Contactgegevens/Contact/Adres/Postcode',
							t.postcode,
							`postcode ${t.postcode ?? '(leeg)'} staat niet in postcode_buurt.csv: vul de koppeltabel aan`
						)
					: band === null
						? issue(
								t.source,
								'Client/Geboortedatum',
								null,
								'de leeftijd bij de start valt buiten de Jeugdwet (0 tot en met 22 jaar): controleer de geboortedatum of de ingangsdatum'
							)
						: verwijzer === undefined
							? issue(
									t.source,
									'AangevraagdProduct/Verwijzer/Type',
									t.verwijzer,
									`verwijzertype ${t.verwijzer} is onbekend (bekend: ${Object.values(IJW_VERWIJZER_TYPES).join(', ')})`
								)
							: null;
		if (reject) {
			issues.push(reject);
			continue;
		}
		lines.push(
			[
				t.bsn,
				buurt,
				band,
				t.category,
				MET_VERBLIJF.includes(t.category) ? 'ja' : 'nee',
				ZWARE_CATEGORIEEN.includes(t.category) ? 'zwaar' : 'licht',
				verwijzer,
				ddmmyyyy(t.start),
				ddmmyyyy(t.end),
				''
			].join(';')
		);
	}
	const csvPath = await writeConvertedCsv('koers-ijw-', 'jeugdhulp_trajecten.csv', lines);
	return {
		csvPath,
		messages: folder.files,
		issues,
		summary: `iJw 3.2-berichten (${folder.files} bestanden, elk gecontroleerd tegen het XSD: JW301 toewijzing, JW305 start, JW307 stop, JW315 verwijzer; ${applied.withdrawn} ingetrokken toewijzingen, ${applied.superseded} vervangen versies${folder.unused ? `, ${folder.unused} berichten die Koers niet gebruikt` : ''}; resultaat niet aangeleverd)`
	};
}
