import {
    DISPLAY_NAME_MAX_LENGTH,
    claimsRole,
    generatePseudonym,
    sanitiseDisplayName,
} from '../../react/features/school-policy';
import { ADJECTIVE_STEMS, ANIMALS } from '../../react/features/school-policy/policy/pseudonymWords';

const COMMON_FIRST_NAMES = ['Anna', 'Ben', 'Emma', 'Paul', 'Mia', 'Leon', 'Lena', 'Finn', 'Marie', 'Elias', 'Wolf'];

describe('generatePseudonym', () => {
    it('declines the adjective to the animal’s gender', () => {
        const sequence = (values: number[]) => () => values.shift() ?? 0;
        const mutig = ADJECTIVE_STEMS.indexOf('Mutig');
        const igel = ANIMALS.findIndex(([name]) => name === 'Igel');
        const eule = ANIMALS.findIndex(([name]) => name === 'Eule');
        const zebra = ANIMALS.findIndex(([name]) => name === 'Zebra');

        expect(generatePseudonym(sequence([mutig, igel]))).toBe('Mutiger Igel');
        expect(generatePseudonym(sequence([mutig, eule]))).toBe('Mutige Eule');
        expect(generatePseudonym(sequence([mutig, zebra]))).toBe('Mutiges Zebra');
    });

    it('never produces a plausible real name', () => {
        for (let i = 0; i < 300; i += 1) {
            const [adjective, animal] = generatePseudonym().split(' ');

            expect(adjective).toMatch(/(er|e|es)$/);
            expect(ANIMALS.map(([name]) => name)).toContain(animal);
            expect(COMMON_FIRST_NAMES).not.toContain(adjective);
        }
        ANIMALS.forEach(([name]) => expect(COMMON_FIRST_NAMES).not.toContain(name));
    });
});

describe('sanitiseDisplayName', () => {
    it('trims and collapses white space', () => {
        expect(sanitiseDisplayName('  Mutiger   Igel \n')).toEqual({ name: 'Mutiger Igel', truncated: false });
    });

    it('strips control, zero-width and bidi-override characters', () => {
        expect(sanitiseDisplayName('Herr\u202e Lehrer\u200b\u0007').name).toBe('Herr Lehrer');
        expect(sanitiseDisplayName('\u2066Eule\u2069').name).toBe('Eule');
    });

    it('turns nothing usable into anonymity', () => {
        expect(sanitiseDisplayName('').name).toBeNull();
        expect(sanitiseDisplayName(' \u200b\u202e ').name).toBeNull();
        expect(sanitiseDisplayName(undefined).name).toBeNull();
        expect(sanitiseDisplayName(null).name).toBeNull();
    });

    it('cuts a 10,000-character name without splitting an emoji', () => {
        const long = sanitiseDisplayName('🦔'.repeat(10000));

        expect(long.truncated).toBe(true);
        expect([...(long.name ?? '')]).toHaveLength(DISPLAY_NAME_MAX_LENGTH);
        expect(long.name).toBe('🦔'.repeat(DISPLAY_NAME_MAX_LENGTH));
    });

    it('keeps markup as plain text (rendering escapes it)', () => {
        expect(sanitiseDisplayName('<script>alert(1)</script>').name).toBe('<script>alert(1)</script>');
    });
});

describe('claimsRole', () => {
    it('never flags a generated pseudonym', () => {
        const names = Array.from({ length: 2000 }, () => generatePseudonym());

        expect(names.filter(name => claimsRole(name))).toEqual([]);
    });

    it('flags role words behind invisible characters and odd spacing too', () => {
        expect(claimsRole('Lehr\u200Bkraft')).toBe(false); // split by a zero-width space: not the word
        expect(claimsRole('  ADMIN ')).toBe(true);
        expect(claimsRole('Admin\u202E')).toBe(true);
        expect(claimsRole('Mutiger Igel')).toBe(false);
    });
});
