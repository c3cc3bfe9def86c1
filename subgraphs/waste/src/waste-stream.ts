import { registerEnumType } from 'type-graphql';

/**
 * The sorted-waste streams Paris collects. Trilib' stations take the first five; Tri Mobile stops
 * take the last three (with textiles) for re-use and safe disposal.
 */
export enum WasteStream {
  GLASS = 'GLASS',
  PACKAGING_PAPER = 'PACKAGING_PAPER',
  CARDBOARD = 'CARDBOARD',
  TEXTILE = 'TEXTILE',
  FOOD_WASTE = 'FOOD_WASTE',
  ELECTRONICS = 'ELECTRONICS',
  HAZARDOUS = 'HAZARDOUS',
}

registerEnumType(WasteStream, {
  name: 'WasteStream',
  description: 'A sorted-waste stream.',
  valuesConfig: {
    GLASS: { description: 'Glass bottles and jars (verre).' },
    PACKAGING_PAPER: {
      description: 'Plastic and metal packaging and paper, the yellow stream (emballages et papiers).',
    },
    CARDBOARD: { description: 'Paper and cardboard (papiers-cartons).' },
    TEXTILE: { description: 'Clothes, linen and shoes (textiles, linge, chaussures).' },
    FOOD_WASTE: { description: 'Food scraps for composting and biogas (biodéchets).' },
    ELECTRONICS: { description: 'Small electrical and electronic appliances (DEEE), bulbs, ink cartridges.' },
    HAZARDOUS: { description: 'Batteries, paint, solvents and other household hazardous waste.' },
  },
});

export const WASTE_STREAMS = Object.values(WasteStream);

/** FIWARE WasteContainer `storedWasteKind` values of each stream. */
export const STORED_WASTE_KINDS: Record<WasteStream, string[]> = {
  GLASS: ['glass'],
  PACKAGING_PAPER: ['plastic', 'metal', 'paper'],
  CARDBOARD: ['paper'],
  TEXTILE: ['other'],
  FOOD_WASTE: ['organic'],
  ELECTRONICS: ['electronics', 'batteries'],
  HAZARDOUS: ['hazardous', 'batteries'],
};
