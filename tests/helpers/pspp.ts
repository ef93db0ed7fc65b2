import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * SPSS test files are written by GNU PSPP from syntax, an independent writer: the reader under test
 * never writes its own fixtures. A test that needs PSPP fails with the command that installs it.
 */
function runPspp(syntax: string, out?: string): void {
	const dir = mkdtempSync(join(tmpdir(), 'koers-pspp-'));
	try {
		const file = join(dir, 'maak.sps');
		writeFileSync(file, syntax);
		let report = '';
		try {
			report = execFileSync('pspp', ['--batch', '--error-file=-', file], {
				stdio: ['ignore', 'pipe', 'pipe']
			}).toString();
		} catch (cause) {
			const error = cause as NodeJS.ErrnoException & { stdout?: Buffer };
			if (error.code === 'ENOENT')
				throw new Error('pspp is missing (it writes the SPSS test files): apt-get install -y pspp');
			throw new Error(`pspp failed on its syntax:\n${error.stdout?.toString() ?? ''}\n${syntax}`);
		}
		// PSPP stops a syntax file after too many warnings without failing: the file must be there.
		if (out && !existsSync(out))
			throw new Error(`pspp wrote no ${out}:\n${report.slice(0, 2000)}\n${syntax}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Writes a Buurt-voor-Buurt `.sav` from the delivery CSV of the survey (`;`, decimal comma), as a
 * research department would hold it: mixed-case variable names, `beperking` numeric 1/2 with value
 * labels "Ja"/"Nee", a user-missing code 99 "weet niet" for an unanswered `isolement`, the weight
 * under its own name, and variables Koers does not read (a postcode and a date of birth).
 * `variant` changes one thing, for the bad-input cases.
 */
export function surveySav(options: {
	csv: string;
	out: string;
	compression?: 'COMPRESSED' | 'UNCOMPRESSED' | 'ZCOMPRESSED';
	variant?: 'weight-by' | 'no-weight' | 'unknown-label' | 'twin-weight';
}): void {
	const v = options.variant;
	const weight = v === 'weight-by' ? 'wfactor' : v === 'no-weight' ? 'wfactor' : 'Gewicht';
	// Scales after the first eight columns (cohesie, inzet, …), when the export has them.
	const more = readFileSync(options.csv, 'utf8').split(/\r?\n/, 1)[0]!.split(';').slice(8);
	runPspp(
		`SET DECIMAL=COMMA.
GET DATA /TYPE=TXT /FILE='${options.csv}' /ENCODING='UTF-8' /DELIMITERS=';' /ARRANGEMENT=DELIMITED /FIRSTCASE=2
  /VARIABLES= RespondentNummer A16 JAAR F4.0 BuurtCode A10 leeftijdsklasse A5 beperkingtxt A3 ${weight} F12.6 participatie F8.4 isolement F8.4${more.map((m) => ` ${m} F8.4`).join('')}.
RECODE beperkingtxt ('ja'=1) ('nee'=2) INTO beperking.
${v === 'unknown-label' ? "IF ($CASENUM = 3) beperking = 3.\nVALUE LABELS beperking 1 'Ja' 2 'Nee' 3 'Misschien'." : "VALUE LABELS beperking 1 'Ja' 2 'Nee'."}
RECODE isolement (SYSMIS=99).
MISSING VALUES isolement (99).
VALUE LABELS isolement 99 'weet niet'.
STRING postcode (A6).
COMPUTE postcode = '8011AB'.
COMPUTE geboortedatum = DATE.DMY(1, 2, 1960).
FORMATS geboortedatum (EDATE10).
${v === 'twin-weight' ? 'COMPUTE gewichx = Gewicht.\n' : ''}DELETE VARIABLES beperkingtxt.
${v === 'weight-by' ? 'WEIGHT BY wfactor.\n' : ''}SAVE OUTFILE='${options.out}' /${options.compression ?? 'COMPRESSED'}.
`,
		options.out
	);
}

/**
 * Writes any delivery CSV (`;`, decimal comma) as `.sav`, one variable per column: numbers as
 * numeric variables, everything else (codes, ja/nee) as string variables, as a survey bureau's
 * export often holds them.
 */
export function csvAsSav(options: {
	csv: string;
	out: string;
	columns: readonly { name: string; type: string }[];
	header: string[];
	widths: Record<string, number>;
}): void {
	const variables = options.header.map((name) => {
		const type = options.columns.find((c) => c.name === name)?.type;
		return `${name} ${type === 'integer' ? 'F8.0' : type === 'decimal' ? 'F16.6' : `A${Math.max(1, options.widths[name] ?? 1)}`}`;
	});
	runPspp(
		`SET DECIMAL=COMMA.
GET DATA /TYPE=TXT /FILE='${options.csv}' /ENCODING='UTF-8' /DELIMITERS=';' /ARRANGEMENT=DELIMITED /FIRSTCASE=2
  /VARIABLES= ${variables.join(' ')}.
SAVE OUTFILE='${options.out}' /UNCOMPRESSED.
`,
		options.out
	);
}
