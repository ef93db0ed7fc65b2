import { PipelineError } from '../errors';
import { defineCommand } from './command';
import { setting } from '../../src/lib/env';

/** `npm run serve`: the built site with the headers nginx gives it. */
export const command = defineCommand({
	name: 'serve',
	start: 'npm run serve --',
	summary: 'Serveert de gebouwde site uit build/ met dezelfde headers als nginx (PORT kiest de poort).',
	usage: ['npm run serve', 'PORT=4205 npm run serve'],
	options: {},
	async run() {
		const port = Number(process.env.PORT ?? 4173);
		if (!Number.isInteger(port) || port <= 0)
			throw new PipelineError(`PORT verwacht een poortnummer, niet "${process.env.PORT}"`);
		const { serve } = await import('../serve');
		await serve({ dir: setting('KOERS_BUILD_DIR'), port });
	}
});
