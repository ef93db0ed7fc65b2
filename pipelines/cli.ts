import { defaultPaths } from './config';
import { writeSample } from './synth/index';

/** The one command-line entry of the pipelines: `synth`, `run` and `serve`. */
async function main(argv: string[]): Promise<void> {
	const [command] = argv;
	const paths = defaultPaths();
	switch (command) {
		case 'synth': {
			const r = await writeSample({ paths });
			console.log(`Voorbeelddata geschreven naar ${r.dir}: ${r.wmo} WMO-toewijzingen, ${r.survey} enquêterespondenten.`);
			return;
		}
		default:
			throw new Error(`unknown command "${command ?? ''}": use synth, run or serve`);
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
