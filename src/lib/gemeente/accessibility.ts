import { z } from 'zod';

/**
 * The compliance statuses of the Dutch model toegankelijkheidsverklaring (digitoegankelijk.nl), A to E.
 * A and B may only be claimed on the strength of an onderzoek of the whole site.
 */
export const COMPLIANCE_STATUSES = [
	'voldoet volledig',
	'voldoet gedeeltelijk',
	'eerste maatregelen genomen',
	'aanpak vastgesteld',
	'voldoet niet'
] as const;

const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "verwacht een datum als 'jjjj-mm-dd' (tussen aanhalingstekens)");
const https = z.url({ protocol: /^https$/, error: 'verwacht een webadres dat begint met https://' });

/**
 * `toegankelijkheid` in gemeente.yaml: what the gemeente, not Koers, knows for its verklaring. Every
 * part is optional; what is missing the verklaring says is missing.
 */
export const accessibilitySchema = z
	.strictObject({
		/** the address where the gemeente publishes this site */
		website: https.optional(),
		/** where a visitor reports a barrier: an e-mail address, a contact page, or both */
		contact: z
			.strictObject({
				email: z.email('verwacht een e-mailadres').optional(),
				pagina: https.optional()
			})
			.refine((c) => c.email !== undefined || c.pagina !== undefined, {
				error: 'geef een e-mailadres (email) of een contactpagina (pagina)'
			})
			.optional(),
		/** the audit the status rests on */
		onderzoek: z
			.strictObject({
				door: z.string().min(1, 'wie deed het onderzoek?'),
				datum: date,
				rapport: https.optional()
			})
			.optional(),
		status: z.enum(COMPLIANCE_STATUSES, { error: `kies uit: ${COMPLIANCE_STATUSES.join(', ')}` }).optional()
	})
	.refine((t) => !(t.status === 'voldoet volledig' || t.status === 'voldoet gedeeltelijk') || t.onderzoek, {
		error: 'de status "voldoet volledig" of "voldoet gedeeltelijk" vraagt een onderzoek (vul onderzoek in)',
		path: ['status']
	});

/** A gemeente's own part of the toegankelijkheidsverklaring, as validated from gemeente.yaml. */
export type AccessibilityFields = z.infer<typeof accessibilitySchema>;

/** One thing the verklaring needs from a gemeente that its gemeente.yaml does not give. */
export interface MissingField {
	/** the field in gemeente.yaml, e.g. `toegankelijkheid.contact` */
	field: string;
	/** what it is for, in Dutch */
	about: string;
}

/** Each field the verklaring needs from a gemeente, in the order of the model verklaring. */
const NEEDED: [keyof AccessibilityFields, string][] = [
	['website', 'het adres waarop de gemeente deze site publiceert'],
	['status', 'de nalevingsstatus die de gemeente op grond van een onderzoek verklaart'],
	['onderzoek', 'het onderzoek naar de toegankelijkheid: door wie, wanneer, en het rapport'],
	['contact', 'waar bezoekers een probleem met de toegankelijkheid melden (e-mailadres of contactpagina)']
];

/** What a gemeente's verklaring lacks, in the order of the model verklaring. */
export function missingFields(fields: AccessibilityFields | null | undefined): MissingField[] {
	return NEEDED.filter(([key]) => !fields?.[key]).map(([key, about]) => ({
		field: `toegankelijkheid.${key}`,
		about
	}));
}
