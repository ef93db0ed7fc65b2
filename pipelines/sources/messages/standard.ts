import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PipelineError } from '../../errors';

/** The national message standards Koers reads, and the message kinds it uses from each. */
export type StandardName = 'iwmo' | 'ijw';
export type Release = '2_0' | '3_2';

/** What the root element of a message says it is. */
export interface MessageKind {
	standard: StandardName;
	release: Release;
	/** e.g. `wmo301`, `jw305` */
	message: string;
	/** the number of the message: 301, 305, 307, 315, … */
	number: string;
}

const NAMESPACE =
	/^http:\/\/www\.istandaarden\.nl\/(iwmo|ijw)\/(\d+_\d+)\/((?:wmo|jw)(\d{3}))\/schema(?:\/\d+_\d+)?$/;

/** Human name of a standard and release, as users know it: "iWmo 3.2". */
export const releaseName = (standard: StandardName, release: Release) =>
	`${standard === 'iwmo' ? 'iWmo' : 'iJw'} ${release.replace('_', '.')}`;

/**
 * Reads the namespace of the root element (`Bericht`) from the start of a message, without parsing
 * the whole document. Returns null when there is no `Bericht` root with an iStandaarden namespace.
 */
export function identifyMessage(xml: string): MessageKind | { namespace: string | null } {
	const head = xml.slice(0, 4096);
	const root = /<(?:([A-Za-z_][\w.-]*):)?Bericht\b([^>]*)>/.exec(head);
	if (!root) return { namespace: null };
	const prefix = root[1];
	const attribute = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(
		root[2] ?? ''
	);
	const namespace = attribute?.[1] ?? null;
	const m = namespace ? NAMESPACE.exec(namespace) : null;
	if (!m) return { namespace };
	const [, standard, release, message, number] = m;
	return {
		standard: standard as StandardName,
		release: release as Release,
		message: message!,
		number: number!
	};
}

/** The releases Koers reads per standard; 2.0 only for iWmo (its example messages), without a schema. */
export const SUPPORTED: Record<StandardName, Release[]> = { iwmo: ['2_0', '3_2'], ijw: ['3_2'] };

/** The message numbers whose content Koers uses; other valid messages of the standard are read and counted. */
export const USED_MESSAGES = ['301', '305', '307', '315'];

const XSD_DIR = (standard: StandardName) =>
	fileURLToPath(new URL(`../../../data/reference/istandaarden/${standard}-3.2-xsd/`, import.meta.url));

/** The XSD file of a release 3.2 message, or null when the release has no schema of that message. */
export function schemaFile(kind: MessageKind): string | null {
	if (kind.release !== '3_2') return null;
	return `${XSD_DIR(kind.standard)}${kind.message.toUpperCase()}.xsd`;
}

/** One message that does not satisfy its schema: the schema's own message, the file and the line. */
export interface SchemaProblem {
	path: string;
	line: number | null;
	message: string;
}

const run = promisify(execFile);
/** Files per xmllint call: the schema is compiled once per call, and the argument list stays short. */
const BATCH = 1000;
/** xmllint processes at once (one per core of the machine this is measured on). */
const PARALLEL = 2;

/**
 * Validates message files against one XSD with libxml2's `xmllint --schema`. Returns every problem
 * (a file that is not well-formed XML included), each with the file and line xmllint reports.
 */
export async function validateAgainstSchema(schema: string, paths: string[]): Promise<SchemaProblem[]> {
	const batches: string[][] = [];
	for (let i = 0; i < paths.length; i += BATCH) batches.push(paths.slice(i, i + BATCH));
	const results: SchemaProblem[][] = [];
	let next = 0;
	const worker = async () => {
		while (next < batches.length) {
			const i = next++;
			results[i] = parseXmllint(await xmllint(schema, batches[i]!), batches[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL, batches.length) }, worker));
	return results.flat();
}

/** Runs xmllint over a batch; returns its report (stderr). */
async function xmllint(schema: string, batch: string[]): Promise<string> {
	try {
		const { stderr } = await run('xmllint', ['--noout', '--nonet', '--schema', schema, ...batch], {
			maxBuffer: 64 * 1024 * 1024
		});
		return stderr;
	} catch (cause) {
		const error = cause as NodeJS.ErrnoException & { stderr?: string };
		if (error.code === 'ENOENT') {
			throw new PipelineError(
				'xmllint ontbreekt: nodig om iWmo- en iJw-berichten tegen hun XSD te controleren; installeer het met `apt-get install -y libxml2-utils`',
				[],
				{ cause }
			);
		}
		// xmllint exits non-zero when a file fails; its report is on stderr.
		if (!error.stderr) throw cause;
		return error.stderr;
	}
}

/** Turns xmllint's report into problems: `file:line: … error : message` lines, or `file fails to validate`. */
function parseXmllint(stderr: string, paths: string[]): SchemaProblem[] {
	const known = new Set(paths);
	const problems: SchemaProblem[] = [];
	const reported = new Set<string>();
	for (const line of stderr.split('\n')) {
		const located =
			/^(.*?):(\d+): (?:element [^:]+: )?(?:Schemas validity error|parser error|namespace error|validity error) : (.*)$/.exec(
				line
			);
		if (located && known.has(located[1]!)) {
			problems.push({ path: located[1]!, line: Number(located[2]), message: located[3]!.trim() });
			reported.add(located[1]!);
			continue;
		}
		const failed = /^(.*) fails to validate$/.exec(line);
		if (failed && known.has(failed[1]!) && !reported.has(failed[1]!)) {
			problems.push({ path: failed[1]!, line: null, message: 'voldoet niet aan het schema' });
			reported.add(failed[1]!);
		}
	}
	return problems;
}
