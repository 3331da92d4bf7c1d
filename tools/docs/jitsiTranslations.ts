/**
 * The school edition's additions to jitsi-meet's own translations, so that what jitsi-meet itself
 * shows follows the rules: its invitation text (react/features/invite/functions.ts `getInviteText`,
 * built from `info.inviteURLFirstPart…` and `info.inviteURLSecondPart`) addresses the class and
 * carries the notice the terms of use require (the core's `invitationNotice`), and never a password
 * (getInviteText has none). jitsi-meet loads them as dynamic-branding labels: config.js names
 * `dynamicBrandingUrl`, whose `labels` point at these bundles, which jitsi-meet merges over its own
 * (react/features/base/i18n/middleware.ts, `changeLanguageBundle`). Works for the stock build, the
 * drop-in and the fork build alike. The same branding document carries the media centre's logo
 * instead of Jitsi's (`logoImageUrl`, `logoClickUrl`: react/features/base/react/components/web/
 * Watermarks.tsx), the one thing of its identity a stock jitsi-meet shows without the module. All
 * of it comes from config.js's `schoolPolicy` (policy/centreIdentity.ts): `npm run docs` writes the
 * files for this repository's config.js (a test keeps them in step), `jitsi-school-policy web-files`
 * for a media centre's own.
 */
import type { CentreIdentity } from '../../react/features/school-policy/policy/centreIdentity';
import { invitationNotice, invitationSignature } from '../../react/features/school-policy/policy/invitation';
import type { Lang } from '../../react/features/school-policy/rules';

/** Where the files go: served under /libs/ like the drop-in (deploy/jitsi-web/README.md). */
export const BRANDING_DIR = 'deploy/jitsi-web/libs/school-policy';
/** The URL config.js names. */
export const BRANDING_URL = '/libs/school-policy/branding.json';

const FIRST_PART: Readonly<Record<Lang, { general: string; personal: string; join: string }>> = {
    de: {
        general: 'Du bist zum Online-Unterricht eingeladen.',
        personal: '{{name}} lädt dich zum Online-Unterricht ein.\n',
        join: 'Am Unterricht teilnehmen:',
    },
    en: {
        general: 'You are invited to an online lesson.',
        personal: '{{name}} invites you to an online lesson.\n',
        join: 'Join the lesson:',
    },
};

/** i18next reads `{{…}}` in a label as a value to put in: a name must not bring its own. */
const literal = (text: string) => text.replace(/[{}]/g, '');

/** The bundle merged over jitsi-meet's `main` namespace for one language, signed by the media centre. */
export function jitsiMeetOverrides(lang: Lang, centre: CentreIdentity): Record<string, Record<string, string>> {
    const texts = FIRST_PART[lang];
    const signature = invitationSignature(lang, literal(centre.name), centre.termsUrl);

    return {
        info: {
            inviteURLFirstPartGeneral: texts.general,
            inviteURLFirstPartPersonal: texts.personal,
            inviteURLSecondPart: [
                '',
                texts.join,
                '{{url}}',
                '',
                ...invitationNotice(lang),
                ...(signature.length > 0 ? ['', ...signature] : []),
                '',
            ].join('\n'),
        },
    };
}

/** jitsi-meet's dynamic-branding document: the labels, and the media centre's logo where it has one. */
export function brandingDocument(centre: CentreIdentity): Record<string, unknown> {
    return {
        labels: { de: '/libs/school-policy/lang-de.json', en: '/libs/school-policy/lang-en.json' },
        ...(centre.logoUrl ? { logoImageUrl: centre.logoUrl } : {}),
        ...(centre.logoUrl && centre.websiteUrl ? { logoClickUrl: centre.websiteUrl } : {}),
    };
}

/** The files for libs/school-policy/, by name. */
export function webFiles(centre: CentreIdentity): Record<string, string> {
    const json = (value: unknown) => `${JSON.stringify(value, null, 4)}\n`;

    return {
        'branding.json': json(brandingDocument(centre)),
        'lang-de.json': json(jitsiMeetOverrides('de', centre)),
        'lang-en.json': json(jitsiMeetOverrides('en', centre)),
    };
}

/** The files, by path relative to the repository, as they must be committed (for this repository's config.js). */
export function translationFiles(centre: CentreIdentity): Record<string, string> {
    return Object.fromEntries(
        Object.entries(webFiles(centre)).map(([name, text]) => [`${BRANDING_DIR}/${name}`, text]),
    );
}
