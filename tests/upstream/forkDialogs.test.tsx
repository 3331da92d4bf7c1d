/**
 * The fork build's dialogs through jitsi-meet's own dialog system (its `openDialog`, `hideDialog`
 * and dialog reducer from the unpacked SDK sources): the password dialog a moderator cannot get
 * rid of, the leave-last gate, and the review of who came in before the lock, each rendered the way
 * jitsi-meet's DialogContainer renders a dialog, used by role and label, and checked with axe.
 * Also with jitsi-meet's own code: names are kept off the device, and a pseudonym is suggested.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { hideDialog, openDialog } from 'jitsi-meet/base/dialog/actions';
import 'jitsi-meet/base/dialog/reducer';
import PersistenceRegistry from 'jitsi-meet/base/redux/PersistenceRegistry';
import 'jitsi-meet/base/settings/reducer';
import React, { createElement, type ComponentType } from 'react';
import { Provider, useSelector } from 'react-redux';

import { HANGUP_KEYS, policyActions } from '../../react/features/school-policy';
import {
    SchoolPolicyDialog,
    loadPolicyDialogs,
    type PolicyDialogLoader,
} from '../../react/features/school-policy/jitsi-meet/SchoolPolicyDialog';
import {
    PERSONAL_SETTINGS,
    SETTINGS_SUBTREE,
    keepPersonalSettingsOffDevice,
} from '../../react/features/school-policy/jitsi-meet/personalSettings';
import type { IJitsiMeetState } from '../../react/features/school-policy/jitsi-meet/types';
import { forkStore, registeredReducer } from './forkStore';

const PASSWORD = 'Igel-Kerze-Hafen-40817';
const settingsReducer = registeredReducer('features/base/settings');

/** The dialogs as the registration hands them in, with jitsi-meet's own actions. */
const dialogs = {
    open: (lang: 'de' | 'en') => openDialog('SchoolPolicyDialog', SchoolPolicyDialog, { lang }),
    hide: () => hideDialog('SchoolPolicyDialog', SchoolPolicyDialog),
    isOpen: (state: IJitsiMeetState) => state['features/base/dialog']?.component === SchoolPolicyDialog,
};

/** What jitsi-meet's DialogContainer does: render the dialog component of the dialog state. */
function DialogContainer() {
    const { component, componentProps } = useSelector(
        (state: IJitsiMeetState) =>
            state['features/base/dialog'] as { component?: ComponentType<object>; componentProps?: object },
    );

    return component ? createElement(component, componentProps) : null;
}

/** Another feature's dialog, e.g. jitsi-meet's own. */
function OtherDialog() {
    return <div role="dialog" aria-label="Anderer Dialog" />;
}

function setUp(options: { lang?: 'de' | 'en'; dialogs?: typeof dialogs } = {}) {
    const shaped = forkStore({ dialogs: options.dialogs ?? dialogs, lang: options.lang });

    render(
        <Provider store={shaped.store}>
            <DialogContainer />
        </Provider>,
    );

    return { ...shaped, user: userEvent.setup() };
}

async function seriousViolations(element: Element): Promise<string[]> {
    // jsdom cannot judge colour contrast (dialogStyles.ts states the colours); the rest it can.
    const { violations } = await axe.run(element, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });

    return violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id);
}

describe('the dialogs, loaded when one is first needed', () => {
    it('says so when they cannot be loaded, instead of showing nothing, and shows them after a retry', async () => {
        let attempts = 0;
        const load: PolicyDialogLoader = () => {
            attempts += 1;

            return attempts === 1 ? Promise.reject(new Error('offline')) : loadPolicyDialogs();
        };
        const { join, user } = setUp({
            dialogs: {
                ...dialogs,
                open: lang => openDialog('SchoolPolicyDialog', SchoolPolicyDialog, { lang, load }),
            },
        });

        join('moderator');
        const alert = await screen.findByRole('alert');

        expect(alert).toHaveTextContent('Der Dialog der Schulrichtlinie konnte nicht geladen werden.');
        expect(screen.queryByRole('dialog')).toBeNull();
        await user.click(within(alert).getByRole('button', { name: 'Erneut laden' }));
        expect(await screen.findByRole('dialog', { name: 'Passwort festlegen' })).toBeVisible();
        expect(screen.queryByRole('alert')).toBeNull();
        expect(attempts).toBe(2);
    });
});

describe('the password dialog in jitsi-meet’s dialog system (R6)', () => {
    it('opens when a moderator has no password, cannot be dismissed, and locks the room', async () => {
        const { store, conference, join, user } = setUp();

        join('moderator');
        const dialog = await screen.findByRole('dialog', { name: 'Passwort festlegen' });

        expect(await seriousViolations(dialog)).toEqual([]);
        expect(within(dialog).getByRole('textbox', { name: 'Passwort' })).toHaveFocus();

        await user.keyboard('{Escape}');
        expect(screen.getByRole('dialog', { name: 'Passwort festlegen' })).toBeInTheDocument();

        // jitsi-meet shows one dialog at a time: neither its hideDialog() nor another dialog wins.
        store.dispatch(hideDialog());
        store.dispatch(openDialog('OtherDialog', OtherDialog));
        expect(screen.getByRole('dialog', { name: 'Passwort festlegen' })).toBeInTheDocument();
        expect(screen.queryByRole('dialog', { name: 'Anderer Dialog' })).not.toBeInTheDocument();

        const input = within(dialog).getByRole('textbox', { name: 'Passwort' });

        await user.clear(input);
        await user.type(input, 'zu kurz');
        await user.click(within(dialog).getByRole('button', { name: 'Passwort setzen' }));
        expect(within(dialog).getByRole('alert')).toHaveTextContent(/Passwort/);
        expect(conference.lockedWith).toBeNull();

        await user.clear(input);
        await user.type(input, PASSWORD);
        await user.click(within(dialog).getByRole('button', { name: 'Passwort setzen' }));
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
        store.dispatch({ type: 'LOCK_STATE_CHANGED', locked: true });
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    });

    it('speaks English when jitsi-meet does', async () => {
        const { join } = setUp({ lang: 'en' });

        join('moderator');
        expect(await screen.findByRole('dialog', { name: 'Set a password' })).toBeInTheDocument();
    });

    it('does not open for a student', () => {
        const { join } = setUp();

        join('participant');
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
});

describe('the leave-last gate in jitsi-meet’s dialog system (R8)', () => {
    it('names who is left on every hang-up key, and “remove all” empties the room before leaving', async () => {
        const { store, conference, join, feature, policy, user } = setUp();

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('moderator', ['s1', 's2']);
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
        store.dispatch({ type: 'LOCK_STATE_CHANGED', locked: true });
        // Both came in before the lock: the review comes first; keep them for this test.
        for (const id of ['s1', 's2']) {
            store.dispatch(policyActions.participantReviewed({ id }));
        }

        for (const key of HANGUP_KEYS) {
            feature.routeToolbarClick(key, action => store.dispatch(action));
            const dialog = await screen.findByRole('dialog', { name: 'Meeting verlassen' });

            expect(within(dialog).getByText('Schüler s1')).toBeInTheDocument();
            await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
            await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        }

        feature.routeToolbarClick('hangup', action => store.dispatch(action));
        const dialog = await screen.findByRole('dialog', { name: 'Meeting verlassen' });

        expect(await seriousViolations(dialog)).toEqual([]);
        await user.click(within(dialog).getByRole('button', { name: 'Alle entfernen und beenden' }));
        await waitFor(() => expect(policy().phase.kind).toBe('left'));
        expect(conference.kicked.sort()).toEqual(['s1', 's2']);
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
});

describe('reviewing who came in before the lock (R6)', () => {
    it('lists them after the lock; the teacher removes one and keeps the other', async () => {
        const { store, conference, join, user } = setUp();

        store.dispatch(policyActions.meetingJoinRequested({ room: 'mathe', password: PASSWORD }));
        join('moderator', ['s1', 's2']);
        await waitFor(() => expect(conference.lockedWith).toBe(PASSWORD));
        store.dispatch({ type: 'LOCK_STATE_CHANGED', locked: true });

        const dialog = await screen.findByRole('dialog', {
            name: '2 Personen waren schon vor dem Passwortschutz im Raum',
        });

        expect(await seriousViolations(dialog)).toEqual([]);
        await user.click(within(dialog).getByRole('button', { name: 'Schüler s1 entfernen' }));
        await waitFor(() => expect(conference.kicked).toEqual(['s1']));
        const one = await screen.findByRole('dialog', { name: '1 Person war schon vor dem Passwortschutz im Raum' });

        await user.click(within(one).getByRole('button', { name: 'Schüler s2 behalten' }));
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        expect(conference.kicked).toEqual(['s1']);
    });
});

describe('names on shared devices (R4, R7), with jitsi-meet’s own settings and persistence', () => {
    const state = (displayName: string) => ({
        [SETTINGS_SUBTREE]: settingsReducer(undefined, {
            type: 'SETTINGS_UPDATED',
            settings: { displayName, email: 'kind@example.org' },
        }) as object,
    });

    it('keeps the display name off the device; the rest of the settings are still stored', () => {
        localStorage.clear();
        // Without the module: jitsi-meet writes the name to the device.
        PersistenceRegistry.persistState(state('Lena Schmidt'));
        expect(localStorage.getItem(SETTINGS_SUBTREE)).toContain('Lena Schmidt');

        localStorage.clear();
        expect(keepPersonalSettingsOffDevice(PersistenceRegistry)).toBe(true);
        PersistenceRegistry.persistState(state('Mutige Eule'));
        const stored = JSON.parse(localStorage.getItem(SETTINGS_SUBTREE) ?? 'null') as Record<string, unknown> | null;

        expect(stored).not.toBeNull();
        for (const key of PERSONAL_SETTINGS) {
            expect(stored).not.toHaveProperty(key);
        }
        expect(JSON.stringify(stored)).not.toContain('Mutige Eule');
        expect(stored).toHaveProperty('soundsIncomingMessage', true);
    });

    it('suggests a pseudonym when no name is set, and leaves a chosen name alone', () => {
        const suggest = (settings: object) => {
            const { store } = forkStore({ suggestPseudonym: true });

            store.dispatch({ type: 'SETTINGS_UPDATED', settings });
            store.dispatch({ type: 'SET_CONFIG', config: {} });

            return (store.getState()[SETTINGS_SUBTREE] as { displayName?: string }).displayName;
        };

        expect(suggest({})).toMatch(/^\p{Lu}\p{Ll}+(er|e|es) \p{Lu}[\p{L}-]+$/u);
        // A fresh one for each visit (on a shared device it is never stored, see above).
        expect(new Set(Array.from({ length: 5 }, () => suggest({}))).size).toBeGreaterThan(1);
        expect(suggest({ displayName: 'Frau Müller' })).toBe('Frau Müller');
    });
});

describe('the media centre in the meeting (R5, R1), from config.js’s schoolPolicy', () => {
    const CENTRE = {
        centreName: 'Kreismedienzentrum Musterkreis',
        misuseContact: 'mailto:missbrauch@medienzentrum.example.org',
        termsUrl: 'https://medienzentrum.example.org/nutzungsordnung',
        privacyUrl: 'https://medienzentrum.example.org/datenschutz',
    };

    it('adds “Missbrauch melden” to the toolbar and points jitsi-meet’s legal links at the media centre, whatever the URL says', () => {
        const { store, config } = setUp({ lang: 'en' });

        store.dispatch({
            type: 'SET_CONFIG',
            config: { schoolPolicy: CENTRE, legalUrls: { helpCentre: 'https://help.example' } },
        });
        // The deployment's other legal links stay.
        expect(config().legalUrls).toEqual({
            helpCentre: 'https://help.example',
            terms: CENTRE.termsUrl,
            privacy: CENTRE.privacyUrl,
        });
        // A link's hash, as jitsi-meet applies it (OVERWRITE_CONFIG), tries to point the links elsewhere.
        store.dispatch({
            type: 'OVERWRITE_CONFIG',
            config: { legalUrls: { terms: 'https://evil.example/terms' }, customToolbarButtons: [] },
        });
        expect(config().legalUrls).toEqual({ terms: CENTRE.termsUrl, privacy: CENTRE.privacyUrl });
        expect(config().customToolbarButtons).toEqual([
            { id: 'school-policy-misuse', icon: '/libs/school-policy/misuse.svg', text: 'Report misuse' },
        ]);
    });

    it('opens where to report misuse when the button is clicked (it only notifies), and closes with Escape', async () => {
        const { store, feature, user } = setUp();

        store.dispatch({ type: 'SET_CONFIG', config: { schoolPolicy: CENTRE } });
        // jitsi-meet's custom buttons only notify: preventExecution is false.
        expect(feature.routeToolbarClick('school-policy-misuse', action => store.dispatch(action), false)).toBe(true);
        const dialog = await screen.findByRole('dialog', { name: 'Missbrauch melden' });
        const link = within(dialog).getByRole('link', { name: 'missbrauch@medienzentrum.example.org' });

        expect(dialog).toHaveTextContent('melden Sie es bitte dem Kreismedienzentrum Musterkreis');
        expect(link).toHaveAttribute('href', CENTRE.misuseContact);
        expect(link).toHaveAttribute('target', '_blank');
        expect(await seriousViolations(dialog)).toEqual([]);
        await user.keyboard('{Escape}');
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        // Other buttons that only notify stay with jitsi-meet and the embedding page.
        expect(feature.routeToolbarClick('raisehand', action => store.dispatch(action), false)).toBe(false);
    });

    it('adds no button where config.js names no valid place to report misuse', () => {
        const { store, config } = setUp();

        store.dispatch({
            type: 'SET_CONFIG',
            config: { schoolPolicy: { ...CENTRE, misuseContact: 'javascript:alert(1)' } },
        });
        expect(config().customToolbarButtons).toBeUndefined();
    });
});
