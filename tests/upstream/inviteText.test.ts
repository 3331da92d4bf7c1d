/**
 * jitsi-meet's own invitation text follows the rules (R6, R7, R9, R10): it is built by
 * `getInviteText` (invite/functions.ts) from translation keys that the school edition's additions
 * (deploy/jitsi-web/libs/school-policy/, merged over jitsi-meet's own through dynamic branding)
 * replace. The function's module graph does not load in Jest, so its source is read for the keys it
 * uses; jitsi-meet's translations come from the same npm package. The browser test
 * (tests/e2e/stockJitsiMeet.test.ts) renders the result with jitsi-meet's own i18next.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SDK = join(__dirname, '..', '..', '.cache', 'jitsi-sdk', 'package');
const OURS = join(__dirname, '..', '..', 'deploy', 'jitsi-web', 'libs', 'school-policy');

type Bundle = { info: Record<string, string> };

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Bundle;

/** The body of getInviteText in jitsi-meet's source. */
function inviteTextSource(): string {
    const source = readFileSync(join(SDK, 'react', 'features', 'invite', 'functions.ts'), 'utf8');
    const start = source.indexOf('export function getInviteText(');
    const end = source.indexOf('\nexport function', start + 1);

    expect(start).toBeGreaterThan(-1);

    return source.slice(start, end);
}

/** i18next's interpolation as jitsi-meet uses it ({{name}}). */
function render(text: string, params: Record<string, string>): string {
    return text.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => params[name] ?? '');
}

describe('jitsi-meet’s invitation text in a school deployment', () => {
    it('is built from the keys the school edition replaces, plus two that cannot apply', () => {
        const keys = [...inviteTextSource().matchAll(/t\?\.\('(info\.\w+)'/g)].map(match => match[1]);

        expect(new Set(keys)).toEqual(
            new Set([
                'info.inviteURLFirstPartPersonal',
                'info.inviteURLFirstPartGeneral',
                'info.inviteURLSecondPart',
                // Only with a live stream (none: R9, the config and the policy stop it) or dial-in
                // (not configured for schools).
                'info.inviteLiveStream',
                'info.invitePhone',
                'info.invitePhoneAlternatives',
            ]),
        );
    });

    it.each(['de', 'en'] as const)('replaces each of them in jitsi-meet’s own %s translation', lang => {
        const theirs = read(join(SDK, 'lang', lang === 'en' ? 'main.json' : `main-${lang}.json`)).info;
        const ours = read(join(OURS, `lang-${lang}.json`)).info;

        for (const key of ['inviteURLFirstPartGeneral', 'inviteURLFirstPartPersonal', 'inviteURLSecondPart']) {
            expect(theirs[key]).toEqual(expect.any(String));
            expect(ours[key]).toEqual(expect.any(String));
            // The same placeholders as jitsi-meet's, so that getInviteText fills them.
            const placeholders = (text: string | undefined) =>
                [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)].map(m => m[1]);

            expect(placeholders(ours[key])).toEqual(placeholders(theirs[key]));
        }
    });

    it('speaks to the class with the notice and never holds a password', () => {
        const ours = read(join(OURS, 'lang-de.json')).info;
        const text =
            render(ours.inviteURLFirstPartGeneral ?? '', {}) +
            render(ours.inviteURLSecondPart ?? '', { url: 'https://meet.example.org/mathe-7b' });

        expect(text).toContain('https://meet.example.org/mathe-7b');
        expect(text).toContain('Das Passwort bekommst du kurz vor Beginn von deiner Lehrkraft.');
        expect(text).toMatch(/anonym oder mit einem ausgedachten Namen/);
        expect(text).toMatch(/Kamera und Mikrofon können ausgeschaltet bleiben/);
        expect(text).toMatch(/Aufnahmen sind verboten/);
        expect(text).toMatch(/niemand mithört/);
        expect(inviteTextSource()).not.toMatch(/password/i);
    });
});
