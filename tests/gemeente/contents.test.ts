import { expect, test } from 'vitest';
import { gemeenteContents } from '../../src/lib/gemeente/contents';

test.each([
	[0, false, "geen programma's, alleen BBV-beleidsindicatoren"],
	[0, true, "geen programma's, alleen BBV-beleidsindicatoren, financiën"],
	[1, false, '1 programma'],
	[3, true, "3 programma's, financiën"]
])('%i programma’s, financiën %s: %s', (programmes, finance, text) => {
	expect(gemeenteContents({ programmes, finance })).toBe(text);
});
