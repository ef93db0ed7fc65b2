/** Detectors for direct identifiers that must never be published. */

/** True for a 9-digit string passing the BSN 11-proef (weights 9..2 and −1, sum divisible by 11). */
export function isBsn(value: string): boolean {
	if (!/^\d{9}$/.test(value)) return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
	sum -= Number(value[8]);
	return sum % 11 === 0 && value !== '000000000';
}

/** Column names that suggest personal data. */
export const FORBIDDEN_COLUMN =
	/bsn|burgerservice|voornaam|achternaam|^naam$|geboorte|postcode|clientnummer|respondentnummer|pseudoniem/i;

/** A full Dutch postcode (4 digits, 2 letters). */
const POSTCODE = /\b\d{4}\s?[A-Z]{2}\b/;

/** An exact date (dd-mm-jjjj or jjjj-mm-dd). */
const EXACT_DATE = /\b(\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2})\b/;

/** Finds what in a text looks like a direct identifier; returns descriptions of the findings. */
export function findIdentifiers(text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(/(?<!\d)\d{9}(?!\d)/g))
		if (isBsn(m[0])) found.push(`BSN-achtig nummer ${m[0]}`);
	const postcode = POSTCODE.exec(text);
	if (postcode) found.push(`postcode ${postcode[0]}`);
	const date = EXACT_DATE.exec(text);
	if (date) found.push(`exacte datum ${date[0]}`);
	return found;
}
