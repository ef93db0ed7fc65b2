import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One automated check the toegankelijkheidsverklaring names, and how to see that Koers runs it. */
interface AccessibilityCheck {
	/** the check, in Dutch, as the verklaring lists it */
	name: string;
	/** how Koers tests it, in Dutch */
	how: string;
	/** the WCAG success criteria it covers */
	criteria: string;
	/** a test file that holds all of these runs the check (the verklaring claims no check without one) */
	evidence: RegExp[];
}

/**
 * What the verklaring says Koers tests. A check is listed as tested only when a test file of the
 * repository the site was built from holds all of its evidence, so the page never claims a check that
 * is not there; one without a test is listed as not (yet) tested.
 */
const ACCESSIBILITY_CHECKS: AccessibilityCheck[] = [
	{
		name: 'Automatische toets met axe-core',
		how: 'Elke soort pagina wordt in Chromium geladen en met axe-core getoetst op de regels van WCAG 2.1 niveau A en AA; een ernstige of kritieke fout laat de test falen.',
		criteria: 'alle criteria die axe-core kan toetsen',
		evidence: [/seriousAxeViolations\(/]
	},
	{
		name: 'Reflow op 320 px',
		how: 'Elke soort pagina op 320, 768 en 1280 px breed: niets mag breder zijn dan het scherm, behalve tabellen en kaarten in een eigen scrollgebied.',
		criteria: '1.4.10',
		evidence: [/document\.documentElement\.scrollWidth > viewport/]
	},
	{
		name: 'Zichtbare focus en contrast van niet-tekst',
		how: 'Het contrast van de focusrand en van lijnen, punten en kaartklassen in grafieken wordt op de pagina zelf berekend: minstens 3:1.',
		criteria: '1.4.11, 2.4.7',
		evidence: [/contrast/i, /focus/i, /outline/i]
	},
	{
		name: 'Tekstgrootte in grafieken',
		how: 'De tekst in elke grafiek is op elke breedte minstens 12 CSS-pixels.',
		criteria: '1.4.4',
		evidence: [/font-?size/i, /\b12\b/, /svg|grafiek|chart/i]
	},
	{
		name: 'Tekstafstand',
		how: 'Regelafstand, alinea-, letter- en woordafstand worden vergroot zoals WCAG 1.4.12 voorschrijft; er mag geen tekst wegvallen.',
		criteria: '1.4.12',
		evidence: [/letter-spacing/, /word-spacing/]
	},
	{
		name: 'Bediening met het toetsenbord',
		how: 'Taken van een beleidsadviseur, een raadslid en een controller worden alleen met het toetsenbord doorlopen.',
		criteria: '2.1.1, 2.4.3, 2.4.7',
		// A walkthrough of the three users' tasks: one test file tabbing through all three.
		evidence: [/keyboard\.press\('Tab'\)/, /beleidsadviseur/i, /raadslid/i, /controller/i]
	},
	{
		name: 'Linkcontrole',
		how: 'Na elke build wordt elke link naar de eigen site nagelopen, de PDF-versies van rapporten inbegrepen; een link naar een bestand dat er niet is, laat de build falen.',
		criteria: '2.4.4 (links die werken)',
		evidence: [/checkLinks\(/]
	},
	{
		name: 'Content-Security-Policy en geen verzoeken naar andere sites',
		how: 'Elke browsertest faalt bij een overtreding van de Content-Security-Policy of een verzoek naar een andere site.',
		criteria: 'privacy en veiligheid (geen WCAG-criterium)',
		evidence: [/securitypolicyviolation/]
	}
];

/** A check and whether the repository the site was built from runs it. */
export interface CheckStatus extends AccessibilityCheck {
	tested: boolean;
}

/** Which checks the test files of `testsDir` run (one file must hold all of a check's evidence). */
export function checkStatuses(options: { testsDir: string }): CheckStatus[] {
	const files = existsSync(options.testsDir)
		? (readdirSync(options.testsDir, { recursive: true }) as string[])
				.filter((f) => /\.ts$/.test(f) && !f.includes('fixtures'))
				.map((f) => readFileSync(join(options.testsDir, f), 'utf8'))
		: [];
	return ACCESSIBILITY_CHECKS.map((check) => ({
		...check,
		tested: files.some((text) => check.evidence.every((e) => e.test(text)))
	}));
}

/**
 * What is known not to meet WCAG 2.1 AA, or not to be covered by it, whatever the checks say. Keep
 * this list true: add what an onderzoek or an issue finds, remove what a fix and its test settle.
 */
export const KNOWN_EXCEPTIONS: { what: string; why: string }[] = [
	{
		what: "De PDF-versies van de rapporten (bij 'Download als PDF').",
		why: 'Ze worden met Chromium gemaakt als getagde PDF, maar niet getoetst aan PDF/UA. De rapportpagina zelf bevat dezelfde inhoud en is de toegankelijke versie.'
	},
	{
		what: 'Een ander jaar kiezen op de financiële pagina.',
		why: 'Dat opent een andere pagina; de schermlezer leest daarbij de paginatitel voor (WCAG 4.1.3). De andere keuzes op die pagina blijven op dezelfde pagina.'
	},
	{
		what: 'Grafieken op een smal scherm (320 px).',
		why: 'Een grafiek houdt haar breedte zodat de tekst erin leesbaar blijft, en schuift binnen haar eigen gebied opzij (WCAG 1.4.10 staat dat toe voor grafieken); de tabel eronder geeft dezelfde cijfers zonder te schuiven.'
	},
	{
		what: 'De verkenner (eigen SQL-query’s).',
		why: 'Wie hem gebruikt moet SQL kunnen schrijven; de snelle grafiek van een resultaat heeft de tabel als alternatief, maar geen eigen beschrijving van wat de grafiek laat zien.'
	}
];
