/**
 * The portal's own state: language, who is joining which room under what name, and how the join
 * goes. The meeting itself is the policy core's slice. Nothing here is persisted.
 */
import { defineEvents, isNotOpenRefusal, type Lang } from '../school-policy';

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

type S = PortalState;

/** The join starts over (a new try, or the page reloading in its frame). */
const connecting = (state: S): S => ({ ...state, join: { kind: 'connecting', passwordRequests: 0 } });

/**
 * Jitsi reported an error while joining or in the meeting. Not every error is a failure
 * (docs/jitsi-behaviour.md §4): a locked room is reported as `conference.passwordRequired` just
 * before jitsi-meet asks for the password, a room without its moderator as
 * `conference.authenticationRequired` while jitsi-meet waits, and anything jitsi-meet marks
 * `isFatal: false` it recovers from by itself.
 */
function joinErrorOccurred(
    state: S,
    { name, isFatal, texts }: { name: string; isFatal?: boolean; texts?: string[] },
): S {
    if (name === 'conference.passwordRequired') {
        return state;
    }
    if (name === 'conference.authenticationRequired') {
        return { ...state, join: { kind: state.session?.role === 'teacher' ? 'logInInMeeting' : 'waitingForHost' } };
    }
    // The core's one rule; in a school deployment every student joins as a guest.
    if (isNotOpenRefusal({ name, asGuest: state.session?.role === 'student', ...(texts ? { texts } : {}) })) {
        return { ...state, join: { kind: 'notOpen' } };
    }

    return isFatal !== false ? { ...state, join: { kind: 'failed', error: name } } : state;
}

/** The portal's events, one pure handler each (the core's `defineEvents`, as the policy's own). */
const portal = defineEvents('portal', initialPortalState, {
    languageChosen: (state: S, lang: Lang): S => ({ ...state, lang }),
    /** The user submitted the teacher or student form. */
    sessionStarted: (state: S, session: Session): S => ({
        ...state,
        session,
        join: { kind: 'connecting', passwordRequests: 0 },
        attempt: state.attempt + 1,
    }),
    /** Jitsi asked for the room password (after waiting for the host, too). */
    joinPasswordRequested: (state: S): S => {
        const before = state.join.kind === 'connecting' ? state.join.passwordRequests : 0;

        return ['connecting', 'waitingForHost', 'logInInMeeting'].includes(state.join.kind)
            ? { ...state, join: { kind: 'connecting', passwordRequests: before + 1 } }
            : state;
    },
    /** The password we gave was not accepted (Jitsi asked again), or we had none. */
    joinPasswordRejected: (state: S): S => ({ ...state, join: { kind: 'wrongPassword' } }),
    joinErrorOccurred,
    /**
     * The meeting page lost its connection and reloads itself in the same frame: the join starts
     * over there (jitsi-meet may ask for the password again), without a new frame.
     */
    meetingReconnecting: connecting,
    /** Try again (after "not open yet", or by the user's choice). */
    joinRetried: (state: S): S => ({ ...connecting(state), attempt: state.attempt + 1 }),
    /** The meeting page has loaded and talks to the portal (its first event; the listener waits for it). */
    meetingPageAnswered: (state: S): S => state,
    /** The meeting page did not answer in time (not reachable, an error page, a 502). */
    meetingPageSilent: (state: S): S =>
        state.join.kind === 'connecting' ? { ...state, join: { kind: 'failed', error: 'noAnswer' } } : state,
    /** We are in the meeting. */
    joinSucceeded: (state: S): S => ({ ...state, join: { kind: 'idle' } }),
    /** Back to the start: the session and anything typed are forgotten. */
    sessionEnded: (state: S): S => ({ ...state, session: null, join: { kind: 'idle' } }),
});

export const portalActions = portal.actions;
export const portalReducer = portal.reducer;
