import {
    GENERATED_PASSWORD_BITS,
    PASSWORD_MAX_LENGTH,
    PASSWORD_MIN_LENGTH,
    generatePassword,
    translateCore,
    validatePassword,
} from '../../react/features/school-policy';
import { PASSWORD_WORDS } from '../../react/features/school-policy/policy/passwordWords';

describe('validatePassword', () => {
    it.each([
        ['', 'password.empty'],
        ['        ', 'password.whitespaceOnly'],
        ['\t \n', 'password.whitespaceOnly'],
        ['kurz', 'password.tooShort'],
        [' Igel-Kerze-40817', 'password.surroundingSpaces'],
        ['Igel-Kerze-40817 ', 'password.surroundingSpaces'],
        ['Igel\u0000Kerze40817', 'password.controlCharacters'],
        ['Igel\u202eKerze40817', 'password.controlCharacters'],
        ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'password.tooLong'],
    ])('refuses %j with %s', (input, error) => {
        expect(validatePassword(input)).toMatchObject({ ok: false, error });
    });

    it('accepts a sensible password, including the length bounds and umlauts', () => {
        expect(validatePassword('Igel-Kerze-40817')).toEqual({ ok: true });
        expect(validatePassword('ä'.repeat(PASSWORD_MIN_LENGTH))).toEqual({ ok: true });
        expect(validatePassword('x'.repeat(PASSWORD_MAX_LENGTH))).toEqual({ ok: true });
    });

    it('names the limit in the translated error', () => {
        const check = validatePassword('kurz');

        expect(check.ok).toBe(false);
        if (!check.ok) {
            expect(translateCore('de', check.error, check.params)).toBe(
                'Das Passwort ist zu kurz: mindestens 8 Zeichen.',
            );
            expect(translateCore('en', check.error, check.params)).toBe(
                'The password is too short: at least 8 characters.',
            );
        }
    });
});

describe('generatePassword', () => {
    it('has at least 40 bits of entropy', () => {
        expect(new Set(PASSWORD_WORDS).size).toBe(PASSWORD_WORDS.length);
        expect(GENERATED_PASSWORD_BITS).toBeGreaterThanOrEqual(40);
    });

    it('is made of easy words and digits that pass validation', () => {
        for (let i = 0; i < 200; i += 1) {
            const password = generatePassword();

            expect(password).toMatch(/^[A-Z][a-z]+-[A-Z][a-z]+-[A-Z][a-z]+-\d{5}$/);
            expect(validatePassword(password)).toEqual({ ok: true });
        }
    });

    it('uses only plain letters that every keyboard has', () => {
        PASSWORD_WORDS.forEach(word => expect(word).toMatch(/^[A-Z][a-z]{1,7}$/));
    });

    it('draws afresh at every call', () => {
        const passwords = new Set(Array.from({ length: 1000 }, () => generatePassword()));

        expect(passwords.size).toBe(1000);
    });

    it('follows the injected random source (so nothing but randomness decides)', () => {
        const zeros = () => 0;

        expect(generatePassword(zeros)).toBe(`${PASSWORD_WORDS[0]}-${PASSWORD_WORDS[0]}-${PASSWORD_WORDS[0]}-00000`);
    });
});
