/**
 * The portal's settings, read from the deployment's config.js (the global `config`, loaded by a
 * script tag before the app, as jitsi-meet does) and its `schoolPolicy` section; the media centre's
 * identity as the core reads it for every host (policy/centreIdentity.ts).
 */
import { readCentreIdentity, type CentreIdentity } from '../school-policy/policy/centreIdentity';

/** Settings the portal runs with. */
export interface Settings {
    /** Where the Jitsi deployment is, e.g. `https://meet.example.org`. */
    readonly jitsiOrigin: string;
    /** Its host (and port), as the IFrame API wants it. */
    readonly jitsiHost: string;
    readonly centreName: string;
    /** R1: the media centre's published terms of use. */
    readonly termsUrl: string | null;
    /** R5: `mailto:` or `https:` address for misuse reports. */
    readonly misuseContact: string;
    /** Everything else of the media centre's identity (logo, colour, privacy statement, website). */
    readonly identity: CentreIdentity;
    /** R4: a same-origin path that answers with `Clear-Site-Data`. */
    readonly cleanupEndpoint: string | null;
    /** R4: every device counts as shared: names are not kept unless the user opts in. */
    readonly sharedDevices: boolean;
}

/** What is wrong with a config, for the admin-facing error page. */
export type SettingsProblem =
    | 'noConfig'
    | 'noSchoolPolicySection'
    | 'noJitsiDomain'
    | 'badJitsiDomain'
    | 'noCentreName'
    | 'badTermsUrl'
    | 'badMisuseContact'
    | 'badLogoUrl'
    | 'badColour'
    | 'badPrivacyUrl'
    | 'badWebsiteUrl'
    | 'badCleanupEndpoint';

/** The outcome of reading the settings. */
export type SettingsResult =
    | { readonly ok: true; readonly settings: Settings }
    | { readonly ok: false; readonly problems: readonly SettingsProblem[] };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(section: Record<string, unknown>, key: string): string {
    const value = section[key];

    return typeof value === 'string' ? value.trim() : '';
}

/**
 * Parses `jitsiDomain`: a host such as `meet.example.org` (HTTPS), or a full origin; plain HTTP only
 * on loopback (the offline stand-in).
 */
export function parseJitsiDomain(value: string): { origin: string; host: string } | null {
    const candidate = /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`;
    let url: URL;

    try {
        url = new URL(candidate);
    } catch {
        return null;
    }
    const plain = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));

    return plain && secure && url.hostname ? { origin: url.origin, host: url.host } : null;
}

/** The problem the portal names for an identity setting that is set but not usable. */
const BAD: Readonly<Record<string, SettingsProblem>> = {
    termsUrl: 'badTermsUrl',
    misuseContact: 'badMisuseContact',
    logoUrl: 'badLogoUrl',
    colour: 'badColour',
    privacyUrl: 'badPrivacyUrl',
    websiteUrl: 'badWebsiteUrl',
};

/** Reads and checks the settings from the config global. Lists every problem, not only the first. */
export function readSettings(config: unknown): SettingsResult {
    if (!isRecord(config)) {
        return { ok: false, problems: ['noConfig'] };
    }
    const section = config.schoolPolicy;

    if (!isRecord(section)) {
        return { ok: false, problems: ['noSchoolPolicySection'] };
    }
    const problems: SettingsProblem[] = [];
    const domain = text(section, 'jitsiDomain');
    const jitsi = domain ? parseJitsiDomain(domain) : null;
    const { identity, invalid, missing } = readCentreIdentity(section);
    const cleanupEndpoint = text(section, 'cleanupEndpoint');

    if (!domain) {
        problems.push('noJitsiDomain');
    } else if (!jitsi) {
        problems.push('badJitsiDomain');
    }
    if (!identity.name) {
        problems.push('noCentreName');
    }
    // R5: the portal offers "Missbrauch melden" on every page, so the contact is required.
    if (missing.includes('misuseContact')) {
        problems.push('badMisuseContact');
    }
    // (A name set wrongly is left out of the identity, and named above as missing.)
    invalid.forEach(key => {
        const problem = BAD[key];

        if (problem) {
            problems.push(problem);
        }
    });
    if (cleanupEndpoint && !/^\/[\w\-/.]*$/.test(cleanupEndpoint)) {
        problems.push('badCleanupEndpoint');
    }
    if (problems.length > 0 || !jitsi || !identity.misuseContact) {
        return { ok: false, problems };
    }

    return {
        ok: true,
        settings: {
            jitsiOrigin: jitsi.origin,
            jitsiHost: jitsi.host,
            centreName: identity.name,
            termsUrl: identity.termsUrl,
            misuseContact: identity.misuseContact,
            identity,
            cleanupEndpoint: cleanupEndpoint || null,
            sharedDevices: section.sharedDevices !== false,
        },
    };
}
