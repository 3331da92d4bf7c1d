/**
 * The word lists for pseudonyms (R7). Plain ASCII on purpose: a name must be easy to read out and to
 * type on any keyboard, so there are no umlauts or ß, and no two words that sound alike are both in
 * a list.
 */

/** Adjective stems; the ending follows the animal's gender ("Mutiger Igel", "Mutige Eule"). */
export const ADJECTIVE_STEMS: readonly string[] = [
    'Mutig',
    'Fröhlich',
    'Flink',
    'Schlau',
    'Ruhig',
    'Neugierig',
    'Freundlich',
    'Wach',
    'Sanft',
    'Tapfer',
    'Lustig',
    'Kluge',
    'Bunt',
    'Leise',
    'Munter',
    'Gemütlich',
    'Fleißig',
    'Geduldig',
    'Witzig',
    'Pfiffig',
    'Heiter',
    'Flauschig',
    'Sportlich',
    'Träumerisch',
].map(stem => stem.replace(/e$/, ''));

/** Grammatical gender, for the adjective ending. */
export type Gender = 'm' | 'f' | 'n';

/** Animals with their gender. None is a common first name on its own with an adjective before it. */
export const ANIMALS: readonly (readonly [name: string, gender: Gender])[] = [
    ['Igel', 'm'],
    ['Dachs', 'm'],
    ['Biber', 'm'],
    ['Otter', 'm'],
    ['Pinguin', 'm'],
    ['Delfin', 'm'],
    ['Elefant', 'm'],
    ['Hamster', 'm'],
    ['Koala', 'm'],
    ['Papagei', 'm'],
    ['Frosch', 'm'],
    ['Waschbär', 'm'],
    ['Seehund', 'm'],
    ['Tintenfisch', 'm'],
    ['Marienkäfer', 'm'],
    ['Eule', 'f'],
    ['Katze', 'f'],
    ['Giraffe', 'f'],
    ['Schildkröte', 'f'],
    ['Ameise', 'f'],
    ['Hummel', 'f'],
    ['Robbe', 'f'],
    ['Gans', 'f'],
    ['Libelle', 'f'],
    ['Schnecke', 'f'],
    ['Zebra', 'n'],
    ['Känguru', 'n'],
    ['Eichhörnchen', 'n'],
    ['Nashorn', 'n'],
    ['Erdmännchen', 'n'],
    ['Faultier', 'n'],
    ['Lama', 'n'],
    ['Pony', 'n'],
    ['Chamäleon', 'n'],
    ['Murmeltier', 'n'],
];
