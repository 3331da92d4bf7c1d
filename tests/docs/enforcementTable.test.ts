import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { RULES, studentPledges, teacherPledges } from '../../react/features/school-policy';
import { invitationNotice } from '../../react/features/school-policy/policy/invitation';
import { renderEnforcementTable, withEnforcementTable } from '../../tools/docs/enforcementTable';
import { readCentreIdentity } from '../../react/features/school-policy/policy/centreIdentity';
import { BRANDING_URL, brandingDocument, jitsiMeetOverrides } from '../../tools/docs/jitsiTranslations';

const ROOT = join(__dirname, '..', '..');
const SAMPLE_CENTRE = readCentreIdentity({
    centreName: 'Kreismedienzentrum Musterkreis',
    termsUrl: 'https://medienzentrum.example.org/nutzungsordnung',
    logoUrl: '/libs/school-policy/logo.svg',
    websiteUrl: 'https://medienzentrum.example.org/',
}).identity;

describe('the rule catalogue', () => {
    it('has the ten rules R1–R10 in order, each in German and English', () => {
        expect(RULES.map(rule => rule.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10']);
        RULES.forEach(rule => {
            expect(rule.text.de.length).toBeGreaterThan(20);
            expect(rule.text.en.length).toBeGreaterThan(20);
            expect(rule.enforcement.length).toBeGreaterThan(0);
        });
    });

    it('keeps the source document’s German wording', () => {
        const source = readFileSync(join(ROOT, 'docs', 'nutzungsordnung-2020-05-18.txt'), 'utf8');
        const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/\.\./g, '.').trim();

        RULES.forEach(rule => {
            rule.text.de
                .split(/(?<=\.) /)
                .forEach(sentence => expect([rule.id, flat(source).includes(flat(sentence))]).toEqual([rule.id, true]));
        });
    });

    it('offers the pledges the UX guide names', () => {
        expect(teacherPledges().map(rule => rule.id)).toEqual(['R1', 'R3', 'R6', 'R8', 'R9']);
        expect(studentPledges().map(rule => rule.id)).toEqual(['R9', 'R10']);
    });

    it('names only pieces that exist in the repository', () => {
        RULES.flatMap(rule => rule.enforcement.flatMap(entry => entry.paths)).forEach(path => {
            expect([path, existsSync(join(ROOT, path))]).toEqual([path, true]);
        });
    });
});

describe('the README’s enforcement table', () => {
    it('is exactly the one generated from the catalogue (run `npm run docs` after changing rules.ts)', () => {
        const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

        expect(readme).toContain(renderEnforcementTable());
        expect(withEnforcementTable(readme)).toBe(readme);
    });
});

describe('the additions to jitsi-meet’s own texts', () => {
    it('make jitsi-meet’s invitation carry the notice in German and English, and no password field', () => {
        for (const lang of ['de', 'en'] as const) {
            const second = jitsiMeetOverrides(lang, SAMPLE_CENTRE).info?.inviteURLSecondPart ?? '';

            expect(second).toContain('{{url}}');
            invitationNotice(lang)
                .filter(line => line !== '')
                .forEach(line => expect(second).toContain(line));
            // i18next interpolates only what jitsi-meet passes (url); nothing here could show a password.
            expect(second.match(/{{\w+}}/g)).toEqual(['{{url}}']);
        }
    });

    it('sign jitsi-meet’s invitation with the media centre and its terms, and let no name bring a placeholder', () => {
        const second = jitsiMeetOverrides('de', SAMPLE_CENTRE).info?.inviteURLSecondPart ?? '';
        const sneaky = readCentreIdentity({ centreName: 'KMZ {{password}}' }).identity;

        expect(second).toContain(
            'Kreismedienzentrum Musterkreis\nNutzungsordnung: https://medienzentrum.example.org/nutzungsordnung',
        );
        expect((jitsiMeetOverrides('en', sneaky).info?.inviteURLSecondPart ?? '').match(/{{\w+}}/g)).toEqual([
            '{{url}}',
        ]);
    });

    it('put the media centre’s logo where jitsi-meet shows Jitsi’s, leading to its website', () => {
        expect(brandingDocument(SAMPLE_CENTRE)).toMatchObject({
            logoImageUrl: '/libs/school-policy/logo.svg',
            logoClickUrl: 'https://medienzentrum.example.org/',
        });
        expect(brandingDocument(readCentreIdentity({}).identity)).not.toHaveProperty('logoImageUrl');
    });

    it('are named by config.js, where the meeting URL cannot change them', () => {
        expect(readFileSync(join(ROOT, 'config.js'), 'utf8')).toContain(`dynamicBrandingUrl: '${BRANDING_URL}'`);
    });
});
