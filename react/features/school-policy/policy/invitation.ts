import type { Lang } from '../rules';

/** What an invitation is made of. There is deliberately no password field (R6). */
export interface InvitationInput {
    readonly lang: Lang;
    /** The link students open. Its fragment and every query parameter but `room` are dropped. */
    readonly link: string;
    /** The media centre's name, signed at the end. */
    readonly centreName: string;
    /** The media centre's terms of use (checked by centreIdentity.ts), named under its name. */
    readonly termsUrl?: string | null;
    /** An optional lesson title such as "Mathe 7b". */
    readonly title?: string;
}

/**
 * Removes anything from a link that could carry a secret or a config override: the fragment
 * (`#config.…`) and every query parameter except `room`.
 */
export function cleanInvitationLink(link: string): string {
    const url = new URL(link);
    const room = url.searchParams.get('room');

    url.hash = '';
    url.search = '';
    url.username = '';
    url.password = '';
    if (room !== null) {
        url.searchParams.set('room', room);
    }

    return url.toString();
}

/**
 * What every invitation tells the class, whoever writes it (ours, or jitsi-meet's own invitation in
 * the school edition's translation bundle): the password comes separately and late (R6), pseudonyms
 * are fine and camera and microphone may stay off (R7), no recordings (R9), no listening in (R10).
 */
const NOTICE: Readonly<Record<Lang, readonly string[]>> = {
    de: [
        'Das Passwort bekommst du kurz vor Beginn von deiner Lehrkraft.',
        '',
        'Du kannst anonym oder mit einem ausgedachten Namen teilnehmen. Deinen echten Namen musst du nicht nennen.',
        'Kamera und Mikrofon können ausgeschaltet bleiben.',
        'Aufnahmen sind verboten: kein Foto, kein Video, kein Ton.',
        'Nimm nur an einem Ort teil, an dem niemand mithört (nicht im Bus, im Wartezimmer oder im Laden).',
    ],
    en: [
        'Your teacher will tell you the password shortly before the start.',
        '',
        'You may join anonymously or under a made-up name. You do not have to give your real name.',
        'Camera and microphone may stay off.',
        'Recordings are prohibited: no photo, no video, no sound.',
        'Only join from a place where nobody listens in (not on the bus, in a waiting room or in a shop).',
    ],
};

/** The notice every invitation carries, line by line. */
export function invitationNotice(lang: Lang): readonly string[] {
    return NOTICE[lang];
}

const TERMS: Readonly<Record<Lang, string>> = { de: 'Nutzungsordnung', en: 'Terms of use' };

/**
 * How every invitation is signed: the media centre's name and where its terms of use are.
 *
 * @param {Lang} lang - The invitation's language.
 * @param {string} centreName - The media centre's name (may be empty).
 * @param {string | null} termsUrl - Its terms of use, if published.
 * @returns {string[]} The lines, none when there is nothing to sign with.
 */
export function invitationSignature(lang: Lang, centreName: string, termsUrl?: string | null): string[] {
    return [...(centreName ? [centreName] : []), ...(termsUrl ? [`${TERMS[lang]}: ${termsUrl}`] : [])];
}

const TEXTS: Readonly<Record<Lang, (link: string, title: string | undefined, signature: string[]) => string[]>> = {
    de: (link, title, signature) => [
        title ? `Einladung zum Online-Unterricht: ${title}` : 'Einladung zum Online-Unterricht',
        '',
        `Link: ${link}`,
        ...NOTICE.de,
        '',
        ...signature,
    ],
    en: (link, title, signature) => [
        title ? `Invitation to an online lesson: ${title}` : 'Invitation to an online lesson',
        '',
        `Link: ${link}`,
        ...NOTICE.en,
        '',
        ...signature,
    ],
};

/**
 * The invitation text a teacher sends to the class (R7: says that pseudonyms are fine and camera and
 * microphone may stay off; R9, R10). It never contains the password, which is shared separately
 * and late (R6).
 */
export function invitationText(input: InvitationInput): string {
    const title = input.title?.trim() || undefined;

    const signature = invitationSignature(input.lang, input.centreName.trim(), input.termsUrl);

    return TEXTS[input.lang](cleanInvitationLink(input.link), title, signature).join('\n');
}
