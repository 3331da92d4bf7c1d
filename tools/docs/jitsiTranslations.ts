/**
 * The school edition's additions to jitsi-meet's own translations, so that what jitsi-meet itself
 * shows follows the rules: its invitation text (react/features/invite/functions.ts `getInviteText`,
 * built from `info.inviteURLFirstPart…` and `info.inviteURLSecondPart`) addresses the class and
 * carries the notice the terms of use require (the core's `invitationNotice`), and never a password
 * (getInviteText has none). jitsi-meet loads them as dynamic-branding labels: config.js names
 * `dynamicBrandingUrl`, whose `labels` point at these bundles, which jitsi-meet merges over its own
 * (react/features/base/i18n/middleware.ts, `changeLanguageBundle`). Works for the stock build, the
 * drop-in and the fork build alike. Written by `npm run docs`; a test keeps the files in step.
 */
import { invitationNotice } from '../../react/features/school-policy/policy/invitation';
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

/** The bundle merged over jitsi-meet's `main` namespace for one language. */
export function jitsiMeetOverrides(lang: Lang): Record<string, Record<string, string>> {
    const texts = FIRST_PART[lang];

    return {
        info: {
            inviteURLFirstPartGeneral: texts.general,
            inviteURLFirstPartPersonal: texts.personal,
            inviteURLSecondPart: `\n${texts.join}\n{{url}}\n\n${invitationNotice(lang).join('\n')}\n`,
        },
    };
}

/** The branding document: only the labels (jitsi-meet keeps its defaults for everything else). */
export function brandingDocument(): { labels: Record<Lang, string> } {
    return { labels: { de: '/libs/school-policy/lang-de.json', en: '/libs/school-policy/lang-en.json' } };
}

/** The files, by path relative to the repository, as they must be committed. */
export function translationFiles(): Record<string, string> {
    const json = (value: unknown) => `${JSON.stringify(value, null, 4)}\n`;

    return {
        [`${BRANDING_DIR}/branding.json`]: json(brandingDocument()),
        [`${BRANDING_DIR}/lang-de.json`]: json(jitsiMeetOverrides('de')),
        [`${BRANDING_DIR}/lang-en.json`]: json(jitsiMeetOverrides('en')),
    };
}
