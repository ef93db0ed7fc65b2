import { expect, test } from 'vitest';
import { programmeSourceLine } from '../../src/lib/catalog/source-line';

test('the sample’s source line says its realisaties are Voorbeelddata', () => {
	expect(programmeSourceLine({ catalogSource: 'Programmabegroting 2016', sample: true })).toBe(
		'Bron: streefdoelen: Programmabegroting 2016; realisaties: Voorbeelddata, niet de cijfers van de gemeente.'
	);
	expect(programmeSourceLine({ catalogSource: 'Programmabegroting 2016', sample: false })).toBe(
		'Bron: Programmabegroting 2016.'
	);
});
