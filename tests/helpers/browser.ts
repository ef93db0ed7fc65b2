import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { serve } from '../../pipelines/serve';

export { CHROMIUM, launchChromium } from '../../pipelines/chromium';

/** Serves the built site (`build/`, or another build folder) on a free localhost port. */
export async function serveBuild(options: { dataDir?: string; buildDir?: string } = {}): Promise<{
	url: string;
	close: () => Promise<void>;
}> {
	const dir = options.buildDir ?? 'build';
	if (!existsSync(join(dir, 'index.html')))
		throw new Error('no build: run "npm run data && npm run build" first (npm test does this)');
	const server = await serve({ dir, port: 0, quiet: true, dataDir: options.dataDir });
	const { port } = server.address() as AddressInfo;
	return { url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({
		page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page']
	})
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
