import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const SITE_TO_PIPELINE =
	'src/ never imports pipelines/: move what both sides need into the shared core (src/lib), see ARCHITECTURE.md';
const PIPELINE_TO_SITE =
	"pipelines/ never imports the site's own modules (src/routes, src/lib/server, state, components): use the shared core in src/lib";
const SITE_ONLY = [
	'**/src/routes/**',
	'**/src/lib/server/**',
	'**/src/lib/state/**',
	'**/src/lib/components/**',
	'$lib/server/**'
];

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Static site without a base path: plain hrefs are fine.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// Layers in one direction (ARCHITECTURE.md): src/lib is the shared core; the site (src/) never
	// imports the pipeline, and the pipeline never imports the site's own modules.
	{
		files: ['src/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['**/pipelines', '**/pipelines/**'], message: SITE_TO_PIPELINE }] }
			],
			'no-restricted-syntax': [
				'error',
				{ selector: 'ImportExpression[source.value=/(^|\\/)pipelines(\\/|$)/]', message: SITE_TO_PIPELINE }
			]
		}
	},
	{
		files: ['pipelines/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: SITE_ONLY, message: PIPELINE_TO_SITE }] }],
			'no-restricted-syntax': [
				'error',
				{
					selector: 'ImportExpression[source.value=/src\\/(routes|lib\\/(server|state|components))(\\/|$)/]',
					message: PIPELINE_TO_SITE
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.svelte-kit-test-*/',
			'node_modules/',
			'static/data/',
			'data/',
			'reports/out/'
		]
	}
);
