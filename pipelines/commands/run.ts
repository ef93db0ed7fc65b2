import { relative } from 'node:path';
import { formatIssue } from '../errors';
import { defineCommand } from './command';

/** Draws progress as a bar on a terminal, as plain lines in logs (CI). */
function progressPrinter(): { onProgress: (p: { stage: string; done: number }) => void; end: () => void } {
	const tty = process.stderr.isTTY;
	const width = 24;
	return {
		onProgress: ({ stage, done }) => {
			const bar = '█'.repeat(Math.round(done * width)).padEnd(width, '░');
			if (tty) process.stderr.write(`\r${bar} ${Math.round(done * 100)}% ${stage}`.padEnd(100).slice(0, 100));
			else process.stderr.write(`${Math.round(done * 100)}% ${stage} klaar\n`);
		},
		end: () => {
			if (tty) process.stderr.write('\n');
		}
	};
}

/** `npm run pipeline`: checks, aggregates and publishes every gemeente's delivery as one release. */
export const command = defineCommand({
	name: 'run',
	start: 'npm run pipeline --',
	summary:
		'Controleert de aanleveringen in data/raw/, aggregeert ze met onthullingscontrole en publiceert één release.',
	usage: ['npm run pipeline', 'npm run pipeline -- --gemeente GMxxxx'],
	options: {
		gemeente: { type: 'string', value: 'GM…', help: 'alleen deze gemeente (CBS-code)' }
	},
	async run({ values, paths }) {
		// Each command loads what it needs: a pipeline run starts without the sample generator or the server.
		const { runPipeline } = await import('../run');
		const progress = progressPrinter();
		const report = await runPipeline({ paths, gemeente: values.gemeente, onProgress: progress.onProgress });
		progress.end();
		if (report.sampleKey) {
			console.warn(
				'LET OP: voorbeeldsleutel gebruikt voor pseudonimisering. Alleen toegestaan voor synthetische voorbeelddata.'
			);
		}
		console.log(
			`Pipeline klaar in ${report.seconds.toFixed(1)} s. Release ${report.manifest.release.slice(0, 12)}${report.manifest.sample ? ' (VOORBEELDDATA)' : ''}:`
		);
		for (const s of report.sources) {
			console.log(
				`  bron ${s.file}: ${s.rows} regels gelezen, ${s.published} verwerkt, ${s.quarantined} in quarantaine (${s.format})`
			);
			for (const issue of s.issues.slice(0, 5)) console.log(`    - ${formatIssue(issue)}`);
			if (s.report) console.log(`    volledig quarantainerapport: ${relative(process.cwd(), s.report)}`);
		}
		console.log(
			`  tijd per stap: ${Object.entries(report.stages)
				.map(([k, v]) => `${k} ${v.toFixed(2)} s`)
				.join('; ')}`
		);
		for (const [name, t] of Object.entries(report.manifest.tables))
			console.log(`  tabel ${name}: ${t.rows} rijen`);
	}
});
