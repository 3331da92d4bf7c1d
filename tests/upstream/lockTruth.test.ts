/**
 * When the server refuses a password change (mod_school_policy keeps the password while students
 * are inside, and refuses one too long for them), jitsi-meet's `setPassword` dispatches
 * SET_PASSWORD_FAILED (base/conference/actions.any.ts) and its conference reducer keeps the password
 * in force, so the security dialog shows the truth. (That reducer imports half of jitsi-meet and
 * cannot load here; its source is checked for the fact instead.) jitsi-meet itself only says "lock failed"
 * (room-lock/middleware.ts); the fork tells the teacher why, in her language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { UnknownAction } from '@reduxjs/toolkit';
import * as conferenceTypes from 'jitsi-meet/base/conference/actionTypes';

import { storeWithNotices } from './registeredStore';

function lesson() {
    const { store, notices } = storeWithNotices();
    const conference = { lock: () => Promise.resolve(), join: () => undefined };

    store.dispatch({ type: conferenceTypes.CONFERENCE_WILL_JOIN, conference } as UnknownAction);
    store.dispatch({ type: conferenceTypes.CONFERENCE_JOINED, conference } as UnknownAction);
    store.dispatch({
        type: conferenceTypes.SET_PASSWORD,
        conference,
        method: conference.lock,
        password: 'Igel-Kerze-Hafen-40817',
    } as UnknownAction);

    return { store, notices };
}

const SDK = join(__dirname, '..', '..', '.cache', 'jitsi-sdk', 'package', 'react', 'features', 'base', 'conference');

describe('a password change the server refused', () => {
    it('leaves jitsi-meet’s password in force: its reducer does not handle SET_PASSWORD_FAILED', () => {
        const reducer = readFileSync(join(SDK, 'reducer.ts'), 'utf8');
        const actions = readFileSync(join(SDK, 'actions.any.ts'), 'utf8');

        expect(reducer).toContain('case SET_PASSWORD:');
        expect(reducer).not.toContain('SET_PASSWORD_FAILED');
        expect(actions).toMatch(/\.catch\(\(error: Error\) => dispatch\(\{\s*type: SET_PASSWORD_FAILED/);
    });

    it('tells the teacher why, in her language', () => {
        const { store, notices } = lesson();

        store.dispatch({ type: conferenceTypes.SET_PASSWORD_FAILED, error: 'not-allowed' } as UnknownAction);
        expect(notices).toEqual([expect.stringContaining('Der Server hat die Änderung abgelehnt') as unknown]);
    });

    it('says nothing when a password change goes through', () => {
        const { notices } = lesson();

        expect(notices).toEqual([]);
    });
});
