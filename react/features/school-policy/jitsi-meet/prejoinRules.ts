/**
 * The media centre and its short rules on jitsi-meet's prejoin screen (fork build and drop-in), as
 * the portal shows them before joining: R1 school use only, R3 credentials stay with the teacher, R7
 * a made-up name is fine, R9 no recordings, R10 nobody listens in, with the links to the terms of
 * use, the privacy statement and "Missbrauch melden". jitsi-meet's prejoin has no place for a
 * feature's content (react/features/prejoin/components/web/Prejoin.tsx renders a fixed tree), so
 * the panel is plain DOM placed after the prejoin's input block (`data-testid="prejoin.screen"`, the
 * test id jitsi-meet's own tests use), and placed again whenever jitsi-meet renders the screen anew.
 * Plain DOM, not React: it is in jitsi-meet's main bundle, which every student loads.
 */
import { readCentreIdentity, readableContact, type CentreIdentity } from '../policy/centreIdentity';
import { R10_TITLE, R1_TITLE, R3_TITLE, R7_TITLE, R9_TITLE } from '../policy/ruleTitles';
import type { Lang } from '../rules';
import { isInMeeting, type PolicyState } from '../state';

import { SCHOOL_POLICY_STATE_KEY } from './feature';
import type { IJitsiMeetState } from './types';

/** The panel's id (one per page). */
export const PREJOIN_RULES_ID = 'school-policy-prejoin-rules';

const SHOWN = [R1_TITLE, R3_TITLE, R7_TITLE, R9_TITLE, R10_TITLE];

const TEXT: Readonly<Record<Lang, Readonly<Record<'heading' | 'by' | 'terms' | 'privacy' | 'misuse', string>>>> = {
    de: {
        heading: 'Regeln für dieses Meeting',
        by: 'Ein Angebot von {centre}',
        terms: 'Nutzungsordnung',
        privacy: 'Datenschutz',
        misuse: 'Missbrauch melden',
    },
    en: {
        heading: 'Rules for this meeting',
        by: 'Provided by {centre}',
        terms: 'Terms of use',
        privacy: 'Privacy',
        misuse: 'Report misuse',
    },
};

/** The panel's colours: white on a dark grey, links light blue (both above 7:1), the centre's colour as its edge. */
const PANEL_STYLE =
    'margin:16px 0 0;padding:12px 16px;background:#24292f;color:#ffffff;border-radius:6px;' +
    'border-left:6px solid {colour};font-size:14px;line-height:1.45;text-align:left';
const LINK_STYLE = 'color:#a8d4ff;text-decoration:underline';

function element<K extends keyof HTMLElementTagNameMap>(
    doc: Document,
    tag: K,
    text?: string,
    style?: string,
): HTMLElementTagNameMap[K] {
    const node = doc.createElement(tag);

    if (text !== undefined) {
        node.textContent = text;
    }
    if (style) {
        node.setAttribute('style', style);
    }

    return node;
}

/** A link that opens in a new tab, so that the prejoin screen (and its camera preview) stays. */
function link(doc: Document, href: string, text: string, label?: string): HTMLAnchorElement {
    const anchor = element(doc, 'a', text, LINK_STYLE);

    anchor.href = href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    if (label) {
        anchor.setAttribute('aria-label', label);
    }

    return anchor;
}

/**
 * Builds the panel. Every text goes in as text, never as markup: the centre's name comes from config.js.
 *
 * @param {Document} doc - The page.
 * @param {Lang} lang - jitsi-meet's language.
 * @param {CentreIdentity} centre - The media centre.
 * @returns {HTMLElement}
 */
export function rulesPanel(doc: Document, lang: Lang, centre: CentreIdentity): HTMLElement {
    const text = TEXT[lang];
    const panel = element(doc, 'section', undefined, PANEL_STYLE.replace('{colour}', centre.colour ?? '#6e7781'));
    const heading = element(doc, 'h2', text.heading, 'margin:0 0 6px;font-size:16px;color:#ffffff');
    const list = element(doc, 'ul', undefined, 'margin:0;padding-left:20px;list-style:disc');
    const links = element(doc, 'p', undefined, 'margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px');

    panel.id = PREJOIN_RULES_ID;
    heading.id = `${PREJOIN_RULES_ID}-heading`;
    panel.setAttribute('aria-labelledby', heading.id);
    panel.append(heading);
    if (centre.name) {
        panel.append(element(doc, 'p', text.by.replace('{centre}', centre.name), 'margin:0 0 6px'));
    }
    SHOWN.forEach(title => list.append(element(doc, 'li', title[lang])));
    panel.append(list);
    if (centre.termsUrl) {
        links.append(link(doc, centre.termsUrl, text.terms));
    }
    if (centre.privacyUrl) {
        links.append(link(doc, centre.privacyUrl, text.privacy));
    }
    if (centre.misuseContact) {
        links.append(
            link(doc, centre.misuseContact, text.misuse, `${text.misuse}: ${readableContact(centre.misuseContact)}`),
        );
    }
    if (links.childElementCount > 0) {
        panel.append(links);
    }

    return panel;
}

/** What {@link showRulesOnPrejoin} needs of its host. */
export interface IPrejoinRulesOptions {
    readonly lang: () => Lang;
    readonly centre: () => CentreIdentity;
    /** True once the meeting is joined: the prejoin screen is gone for good, stop watching. */
    readonly done: () => boolean;
}

/**
 * Keeps the panel on the prejoin screen while it is shown (jitsi-meet renders it late and may render
 * it anew, e.g. after a refused join), and stops watching the page once the meeting is joined.
 *
 * @param {Document} doc - The page.
 * @param {IPrejoinRulesOptions} options - Language, identity and when to stop.
 * @returns {Function} Stops watching.
 */
export function showRulesOnPrejoin(doc: Document, options: IPrejoinRulesOptions): () => void {
    const observer = new MutationObserver(() => place());

    function place(): void {
        if (options.done()) {
            observer.disconnect();

            return;
        }
        const screen = doc.querySelector('[data-testid="prejoin.screen"]');

        if (screen && !doc.getElementById(PREJOIN_RULES_ID)) {
            screen.after(rulesPanel(doc, options.lang(), options.centre()));
        }
    }
    function start(): void {
        observer.observe(doc.body, { childList: true, subtree: true });
        place();
    }

    if (doc.body) {
        start();
    } else {
        doc.addEventListener('DOMContentLoaded', start, { once: true });
    }

    return () => observer.disconnect();
}

/**
 * {@link showRulesOnPrejoin} for jitsi-meet's store: the identity from its config, done once the
 * policy has seen the meeting joined. Both hosts (fork registration, drop-in) call this.
 *
 * @param {Document} doc - The page.
 * @param {Function} lang - jitsi-meet's language.
 * @param {Function} getState - jitsi-meet's state, or undefined before its store exists.
 * @returns {Function} Stops watching.
 */
export function showRulesOnJitsiPrejoin(
    doc: Document,
    lang: () => Lang,
    getState: () => IJitsiMeetState | undefined,
): () => void {
    return showRulesOnPrejoin(doc, {
        lang,
        centre: () =>
            readCentreIdentity(
                (getState()?.['features/base/config'] as { schoolPolicy?: unknown } | undefined)?.schoolPolicy,
            ).identity,
        done: () => {
            const policy = getState()?.[SCHOOL_POLICY_STATE_KEY] as PolicyState | undefined;

            return policy !== undefined && isInMeeting(policy.phase);
        },
    });
}
