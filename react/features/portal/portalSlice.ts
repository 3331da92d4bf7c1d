/**
 * The portal's own state: language, who is joining which room under what name, and how the join
 * goes. The meeting itself is the policy core's slice. Nothing here is persisted.
 */
import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

import { isNotOpenRefusal, type Lang } from '../school-policy';

/** Who uses the portal in this session. */
export type PortalRole = 'teacher' | 'student';

/** What the user entered on the way into a meeting (kept when a join fails). */
export interface Session {
    readonly role: PortalRole;
    readonly room: string;
    /** Sanitised; `null` joins anonymously. */
    readonly displayName: string | null;
}

/** How joining goes. */
export type JoinState =
    | { readonly kind: 'idle' }
    | { readonly kind: 'connecting'; readonly passwordRequests: number }
    | { readonly kind: 'wrongPassword' }
    /**
     * Refused by the server because the teacher has not opened (locked) the room yet. The countdown
     * to the next try is the core's (`notOpenRetry` in the policy slice).
     */
    | { readonly kind: 'notOpen' }
    /**
     * A student before the teacher: Jicofo wants a moderator first, and jitsi-meet waits inside the
     * meeting and joins by itself once the room exists (react/features/authentication).
     */
    | { readonly kind: 'waitingForHost' }
    /** A teacher before anyone: jitsi-meet asks her to log in inside the meeting. */
    | { readonly kind: 'logInInMeeting' }
    | { readonly kind: 'failed'; readonly error: string };

/** The portal slice's state. */
export interface PortalState {
    readonly lang: Lang;
    readonly session: Session | null;
    readonly join: JoinState;
    /** Increases with every (re)try; the meeting view remounts on change. */
    readonly attempt: number;
}

export const initialPortalState: PortalState = { lang: 'de', session: null, join: { kind: 'idle' }, attempt: 0 };

const slice = createSlice({
    name: 'portal',
    initialState: initialPortalState,
    reducers: {
        languageChosen(state, action: PayloadAction<Lang>) {
            state.lang = action.payload;
        },
        /** The user submitted the teacher or student form. */
        sessionStarted(state, action: PayloadAction<Session>) {
            state.session = action.payload;
            state.join = { kind: 'connecting', passwordRequests: 0 };
            state.attempt += 1;
        },
        /** Jitsi asked for the room password (after waiting for the host, too). */
        joinPasswordRequested(state) {
            const before = state.join.kind === 'connecting' ? state.join.passwordRequests : 0;

            if (['connecting', 'waitingForHost', 'logInInMeeting'].includes(state.join.kind)) {
                state.join = { kind: 'connecting', passwordRequests: before + 1 };
            }
        },
        /** The password we gave was not accepted (Jitsi asked again), or we had none. */
        joinPasswordRejected(state) {
            state.join = { kind: 'wrongPassword' };
        },
        /**
         * Jitsi reported an error while joining or in the meeting. Not every error is a failure
         * (docs/jitsi-behaviour.md §4): a locked room is reported as `conference.passwordRequired`
         * just before jitsi-meet asks for the password, a room without its moderator as
         * `conference.authenticationRequired` while jitsi-meet waits, and anything jitsi-meet marks
         * `isFatal: false` it recovers from by itself.
         */
        joinErrorOccurred(state, action: PayloadAction<{ name: string; isFatal?: boolean; texts?: string[] }>) {
            const { name, isFatal, texts } = action.payload;

            if (name === 'conference.passwordRequired') {
                return;
            }
            if (name === 'conference.authenticationRequired') {
                state.join = { kind: state.session?.role === 'teacher' ? 'logInInMeeting' : 'waitingForHost' };

                return;
            }
            // The core's one rule; in a school deployment every student joins as a guest.
            if (isNotOpenRefusal({ name, asGuest: state.session?.role === 'student', ...(texts ? { texts } : {}) })) {
                state.join = { kind: 'notOpen' };
            } else if (isFatal !== false) {
                state.join = { kind: 'failed', error: name };
            }
        },
        /**
         * The meeting page lost its connection and reloads itself in the same frame: the join starts
         * over there (jitsi-meet may ask for the password again), without a new frame.
         */
        meetingReconnecting(state) {
            state.join = { kind: 'connecting', passwordRequests: 0 };
        },
        /** Try again (after "not open yet", or by the user's choice). */
        joinRetried(state) {
            state.join = { kind: 'connecting', passwordRequests: 0 };
            state.attempt += 1;
        },
        /** The meeting page has loaded and talks to the portal (its first event). */
        meetingPageAnswered() {
            // Nothing to keep: the portal's listener waits for this action.
        },
        /** The meeting page did not answer in time (not reachable, an error page, a 502). */
        meetingPageSilent(state) {
            if (state.join.kind === 'connecting') {
                state.join = { kind: 'failed', error: 'noAnswer' };
            }
        },
        /** We are in the meeting. */
        joinSucceeded(state) {
            state.join = { kind: 'idle' };
        },
        /** Back to the start: the session and anything typed are forgotten. */
        sessionEnded(state) {
            state.session = null;
            state.join = { kind: 'idle' };
        },
    },
});

export const portalActions = slice.actions;
export const portalReducer = slice.reducer;
