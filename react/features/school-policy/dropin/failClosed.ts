/**
 * The drop-in fails closed and loud. If jitsi-meet never creates its store through our hook (a
 * future jitsi-meet changed how it makes its store), or the actions the policy relies on never
 * come, the page is covered with a message for teachers and the admin and any meeting that still
 * starts is left at once. The server module (mod_school_policy) holds regardless.
 */
import { jitsiApp } from './plainDeps';

/** How long jitsi-meet may take to create its store after the page has loaded. */
export const HOOK_DEADLINE_MS = 15000;
/** How long after the store exists jitsi-meet's first config action may take. */
export const TYPES_DEADLINE_MS = 10000;
const POLL_MS = 250;

/** Why the policy is not active. */
export type FailureReason = 'hookNotCalled' | 'unknownActions';

const TEXT = {
    de: {
        title: 'Die Schulrichtlinie ist nicht aktiv.',
        body: 'Dieses Meeting kann deshalb nicht beginnen. Bitte wenden Sie sich an die Administration des Medienzentrums.',
        admin: {
            hookNotCalled:
                'Für die Administration: jitsi-meet hat seinen Store nicht über das Schulrichtlinien-Modul angelegt (plugin.head.html, __REDUX_DEVTOOLS_EXTENSION_COMPOSE__).',
            unknownActions:
                'Für die Administration: jitsi-meet sendet nicht die Aktionen, auf die sich das Schulrichtlinien-Modul stützt (z. B. SET_CONFIG). Passt das Modul zu dieser jitsi-meet-Version?',
        },
    },
    en: {
        title: 'The school policy is not active.',
        body: 'This meeting therefore cannot start. Please contact the media centre’s administration.',
        admin: {
            hookNotCalled:
                'For the administration: jitsi-meet did not create its store through the school-policy module (plugin.head.html, __REDUX_DEVTOOLS_EXTENSION_COMPOSE__).',
            unknownActions:
                'For the administration: jitsi-meet does not send the actions the school-policy module relies on (e.g. SET_CONFIG). Does the module match this jitsi-meet version?',
        },
    },
} as const;

/** Covers the page with the message, in German and English, and keeps focus on it. */
function cover(doc: Document, reason: FailureReason): void {
    if (doc.getElementById('school-policy-inactive')) {
        return;
    }
    const overlay = doc.createElement('div');

    overlay.id = 'school-policy-inactive';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'school-policy-inactive-title');
    overlay.tabIndex = -1;
    overlay.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:#1f2933;color:#f5f7fa;padding:2rem;' +
        'font:1.1rem/1.5 system-ui,sans-serif;overflow:auto';
    (['de', 'en'] as const).forEach((lang, index) => {
        const section = doc.createElement('section');
        const title = doc.createElement(index === 0 ? 'h1' : 'h2');
        const body = doc.createElement('p');
        const admin = doc.createElement('p');

        section.lang = lang;
        title.textContent = TEXT[lang].title;
        if (index === 0) {
            title.id = 'school-policy-inactive-title';
        }
        body.textContent = TEXT[lang].body;
        admin.textContent = TEXT[lang].admin[reason];
        // jitsi-meet's own styles colour headings and text for its light dialogs: ours are explicit.
        for (const element of [title, body, admin]) {
            element.style.color = '#f5f7fa';
        }
        section.append(title, body, admin);
        overlay.append(section);
    });
    // Nothing behind the message can be reached, by pointer or keyboard.
    for (const child of Array.from(doc.body.children)) {
        (child as HTMLElement).inert = true;
    }
    doc.body.append(overlay);
    overlay.focus();
}

/** What the watchdog reads. */
export interface IHookStatus {
    /** When jitsi-meet created its store through the hook (ms, the page's clock), or null. */
    readonly storeCreatedAt: number | null;
    /** Whether jitsi-meet's config action has come through the policy. */
    readonly configSeen: boolean;
}

/**
 * Watches from the page's load on; on failure covers the page, reports it in the console for the
 * admin, and leaves any meeting that starts anyway. Returns a function that stops watching.
 */
export function watchHook(win: Window, status: () => IHookStatus): () => void {
    const loadedAt = win.performance.now();
    let failed: FailureReason | null = null;

    let timer = 0;
    const check = () => {
        const now = win.performance.now();
        const { storeCreatedAt, configSeen } = status();
        const app = jitsiApp(win);

        if (!failed && storeCreatedAt !== null && configSeen) {
            // The hook works and jitsi-meet's actions come through: nothing left to watch.
            win.clearInterval(timer);

            return;
        }

        if (!failed && storeCreatedAt === null && (app?.store || now - loadedAt > HOOK_DEADLINE_MS)) {
            failed = 'hookNotCalled';
        } else if (!failed && storeCreatedAt !== null && !configSeen && now - storeCreatedAt > TYPES_DEADLINE_MS) {
            failed = 'unknownActions';
        }
        if (failed) {
            if (!win.document.getElementById('school-policy-inactive')) {
                console.error(`school-policy: not active (${failed}); the page is blocked`);
            }
            cover(win.document, failed);
            // A meeting that starts anyway is left (the way the IFrame API's hang-up does it).
            const conference = app?.conference;

            if (conference?.isJoined?.()) {
                void conference.hangup(false);
            }
        }
    };
    timer = win.setInterval(check, POLL_MS);

    return () => win.clearInterval(timer);
}
