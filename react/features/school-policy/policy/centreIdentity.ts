/**
 * The media centre's identity: its name, logo, colour, where misuse is reported, its terms of use and
 * privacy statement. One place for it, the `schoolPolicy` section of the deployment's config.js, read
 * here for every host: the portal, the module inside jitsi-meet (fork build and drop-in), the
 * credential letter, the invitation text and the branding files a stock jitsi-meet reads. config.js is
 * edited by hand and a hostile link can try to rewrite it, so every value is checked and a bad one is
 * left out (and named), never used.
 */

/** The media centre, as everything it runs shows it. */
export interface CentreIdentity {
    /** e.g. "Kreismedienzentrum Musterkreis"; empty when not set. */
    readonly name: string;
    /** Its logo: an `https:` address or a path on the Jitsi server (e.g. `/libs/school-policy/logo.svg`). */
    readonly logoUrl: string | null;
    /** Its colour, `#rrggbb`, dark enough for white text on it (WCAG AA, 4.5:1). */
    readonly colour: string | null;
    /** R5: where misuse is reported, `mailto:` or `https:`. */
    readonly misuseContact: string | null;
    /** R1: its published terms of use (`https:`). */
    readonly termsUrl: string | null;
    /** Its privacy statement (`https:`). */
    readonly privacyUrl: string | null;
    /** Its website, where the logo leads (`https:`). */
    readonly websiteUrl: string | null;
}

/** The settings of the identity, as named in `schoolPolicy`. */
export type IdentityKey =
    'centreName' | 'logoUrl' | 'colour' | 'misuseContact' | 'termsUrl' | 'privacyUrl' | 'websiteUrl';

/** What reading the identity found: the usable identity, the keys set wrongly and the keys not set. */
export interface IdentityReading {
    readonly identity: CentreIdentity;
    /** Set, but not usable (left out of the identity). */
    readonly invalid: readonly IdentityKey[];
    /** Not set at all (the audit reports these; `websiteUrl` is optional and never listed). */
    readonly missing: readonly IdentityKey[];
}

/** Whether a value is an `https:` address without credentials in it. */
export function isHttpsUrl(value: string): boolean {
    try {
        const url = new URL(value);

        return url.protocol === 'https:' && Boolean(url.hostname) && !url.username && !url.password;
    } catch {
        return false;
    }
}

/** Whether a value is a `mailto:` address of one mailbox, or an `https:` address. */
export function isContact(value: string): boolean {
    return /^mailto:[^@\s?&#/\\]+@[^@\s?&#/\\]+\.[^@\s?&#/\\]+$/i.test(value) || isHttpsUrl(value);
}

/**
 * A logo: `https:`, or a plain absolute path to an image on the same server (no `..`, no query, no
 * scheme, and not `//host/…`, which a browser reads as another server).
 */
function isLogo(value: string): boolean {
    const path = /^\/[\w\-/.]*\.(svg|png|jpe?g|webp)$/i.test(value) && !value.includes('..') && !value.includes('//');

    return isHttpsUrl(value) || path;
}

/** The relative luminance of a `#rrggbb` colour (WCAG 2.1, 1.4.3). */
function luminance(hex: string): number {
    const channel = (offset: number) => {
        const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;

        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };

    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Whether white text on this colour has a contrast of at least 4.5:1. */
export function carriesWhiteText(hex: string): boolean {
    return /^#[0-9a-f]{6}$/i.test(hex) && 1.05 / (luminance(hex) + 0.05) >= 4.5;
}

const CHECKS: Readonly<Record<IdentityKey, (value: string) => boolean>> = {
    // A name, not markup or control characters (it ends up in letters, titles and invitations).
    centreName: value => value.length <= 120 && ![...value].some(char => char < ' ' || char === '<' || char === '>'),
    logoUrl: isLogo,
    colour: carriesWhiteText,
    misuseContact: isContact,
    termsUrl: isHttpsUrl,
    privacyUrl: isHttpsUrl,
    websiteUrl: isHttpsUrl,
};

/**
 * Reads the identity from config.js's `schoolPolicy` section (anything: it comes from outside).
 *
 * @param {unknown} section - `config.schoolPolicy`.
 * @returns {IdentityReading}
 */
export function readCentreIdentity(section: unknown): IdentityReading {
    const record = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
    const invalid: IdentityKey[] = [];
    const missing: IdentityKey[] = [];
    const value = (key: IdentityKey): string | null => {
        const raw = record[key];
        const text = typeof raw === 'string' ? raw.trim() : '';

        if (raw === undefined || text === '') {
            if (key !== 'websiteUrl') {
                missing.push(key);
            }

            return null;
        }
        if (typeof raw !== 'string' || !CHECKS[key](text)) {
            invalid.push(key);

            return null;
        }

        return text;
    };

    return {
        identity: {
            name: value('centreName') ?? '',
            logoUrl: value('logoUrl'),
            colour: value('colour'),
            misuseContact: value('misuseContact'),
            termsUrl: value('termsUrl'),
            privacyUrl: value('privacyUrl'),
            websiteUrl: value('websiteUrl'),
        },
        invalid,
        missing,
    };
}

/** A `mailto:` address as people read it (the mailbox), anything else as it is. */
export function readableContact(contact: string): string {
    if (!/^mailto:/i.test(contact)) {
        return contact;
    }
    const mailbox = contact.slice('mailto:'.length);

    try {
        return decodeURIComponent(mailbox);
    } catch {
        return mailbox;
    }
}

/**
 * Where the browser loads the logo from: an `https:` logo as it is, a path on the Jitsi server's
 * origin (the portal runs on another origin).
 *
 * @param {string | null} logoUrl - The identity's logo.
 * @param {string} jitsiOrigin - The Jitsi server's origin, e.g. `https://meet.example.org`.
 * @returns {string | null}
 */
export function logoAddress(logoUrl: string | null, jitsiOrigin: string): string | null {
    return logoUrl === null || logoUrl.startsWith('https:') ? logoUrl : `${jitsiOrigin}${logoUrl}`;
}
