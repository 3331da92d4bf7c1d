/**
 * A store shaped like jitsi-meet's where the fork adapter looks (docs/jitsi-behaviour.md §7): the same slice
 * keys, action types and payloads, with minimal reducers, plus a fake JitsiConference (the
 * adapter's port to lib-jitsi-meet) that reports back what lib-jitsi-meet would.
 */
import { configureStore, type Middleware, type Reducer, type UnknownAction } from '@reduxjs/toolkit';

import type { Lang, PolicyTiming } from '../../react/features/school-policy';
import { createSchoolPolicyFeature } from '../../react/features/school-policy/jitsi-meet/feature';
import type {
    IJitsiMeetDialogs,
    IJitsiConference,
    IJitsiParticipant,
    IRecordingSession,
} from '../../react/features/school-policy/jitsi-meet/types';

/** A fake lib-jitsi-meet conference. */
export class FakeConference implements IJitsiConference {
    moderator = false;
    lockedWith: string | null = null;
    readonly remotes = new Map<string, { id: string; name: string; role: string }>();
    readonly kicked: string[] = [];
    readonly messages: string[] = [];
    readonly stoppedSessions: string[] = [];
    onKick: (id: string) => void = () => undefined;

    isModerator(): boolean {
        return this.moderator;
    }

    /** Joining (jitsi-meet passes this method in SET_PASSWORD when a password is typed at join). */
    join(): void {
        // Nothing to do: the store is driven by the test's actions.
    }

    lock(password: string): Promise<unknown> {
        if (!this.moderator) {
            return Promise.reject(new Error('You are not moderator.'));
        }
        this.lockedWith = password;

        return Promise.resolve();
    }

    kickParticipant(id: string): void {
        if (this.moderator && this.remotes.delete(id)) {
            this.kicked.push(id);
            this.onKick(id);
        }
    }

    getParticipants(): IJitsiParticipant[] {
        return [...this.remotes.values()].map(p => ({
            getId: () => p.id,
            getDisplayName: () => p.name,
            getRole: () => p.role,
        }));
    }

    sendTextMessage(text: string): void {
        this.messages.push(text);
    }

    stopRecording(sessionId: string): Promise<unknown> {
        this.stoppedSessions.push(sessionId);

        return Promise.resolve();
    }
}

type Action = UnknownAction & Record<string, unknown>;

function merge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...target };

    for (const [key, value] of Object.entries(source)) {
        const before = out[key];

        out[key] =
            typeof value === 'object' &&
            value !== null &&
            !Array.isArray(value) &&
            typeof before === 'object' &&
            before !== null &&
            !Array.isArray(before)
                ? merge(before as Record<string, unknown>, value as Record<string, unknown>)
                : value;
    }

    return out;
}

/** Builds the store with the feature registered as the registration files would. */
export function makeJitsiShapedStore(
    options: {
        timing?: Partial<PolicyTiming>;
        storage?: Storage;
        notOpenRetrySeconds?: number;
        /** Jitsi-meet's dialog system, e.g. its real actions and reducer (tests/upstream). */
        dialogs?: IJitsiMeetDialogs;
        lang?: Lang;
        suggestPseudonym?: boolean;
        /** Replace or add slices, e.g. with jitsi-meet's real reducers. */
        reducers?: Record<string, Reducer>;
        /** The XMPP address the local user is connected with (a teacher's by default). */
        jid?: string;
    } = {},
) {
    const conference = new FakeConference();
    const seen: Action[] = [];
    const deps = {
        leave: () => (dispatch: (a: Action) => void) => dispatch({ type: 'CONFERENCE_LEFT', conference }),
        endConference: () => (dispatch: (a: Action) => void) => {
            seen.push({ type: 'test/endConference' });
            dispatch({ type: 'CONFERENCE_LEFT', conference });
        },
        notify: (text: string) => ({ type: 'SHOW_NOTIFICATION', text }),
        rejoin: () => ({ type: 'test/rejoin' }),
    };
    const feature = createSchoolPolicyFeature({
        deps,
        storage: options.storage,
        notOpenRetrySeconds: options.notOpenRetrySeconds,
        dialogs: options.dialogs,
        lang: options.lang ? () => options.lang ?? 'de' : undefined,
        suggestPseudonym: options.suggestPseudonym ?? false,
        timing: options.timing ?? { commandTimeoutMs: 200, removalWaitMs: 300, leaveWaitMs: 300 },
    });
    const recorder: Middleware = () => next => action => {
        seen.push(action as Action);

        return next(action);
    };
    const store = configureStore({
        reducer: {
            'features/base/conference': (state: { conference?: IJitsiConference } = {}, action: Action) =>
                action.type === 'CONFERENCE_JOINED'
                    ? { conference: action.conference as IJitsiConference }
                    : action.type === 'CONFERENCE_LEFT'
                      ? {}
                      : state,
            'features/base/participants': (state: { local: { id: string } } = { local: { id: 'local-teacher' } }) =>
                state,
            'features/base/config': (state: Record<string, unknown> = {}, action: Action) => {
                const config = (action.config ?? {}) as Record<string, unknown>;

                switch (action.type) {
                    case 'SET_CONFIG':
                    case 'UPDATE_CONFIG':
                        return merge(state, config);
                    case 'OVERWRITE_CONFIG':
                        return { ...state, ...config };
                    default:
                        return state;
                }
            },
            'features/recording': (
                state: { sessionDatas: IRecordingSession[] } = { sessionDatas: [] },
                action: Action,
            ) => {
                if (action.type !== 'RECORDING_SESSION_UPDATED') {
                    return state;
                }
                const session = action.sessionData as IRecordingSession;

                return { sessionDatas: [...state.sessionDatas.filter(s => s.id !== session.id), session] };
            },
            'features/base/connection': (
                state: { connection: { getJid(): string } } = {
                    connection: { getJid: () => options.jid ?? 'frau-mueller@meet.example.org/web-1' },
                },
            ) => state,
            'features/base/settings': (state: Record<string, unknown> = {}, action: Action) =>
                action.type === 'SETTINGS_UPDATED' ? { ...state, ...(action.settings as object) } : state,
            'features/school-policy': feature.reducer,
            ...options.reducers,
        },
        middleware: getDefault =>
            getDefault({ serializableCheck: false, immutableCheck: false })
                .prepend(...feature.middlewares)
                .concat(recorder),
    });

    conference.onKick = id => store.dispatch({ type: 'PARTICIPANT_LEFT', participant: { id, conference } });

    return {
        store,
        conference,
        feature,
        seen,
        policy: () => store.getState()['features/school-policy'],
        config: () => store.getState()['features/base/config'],
        /** The local teacher joins; others are already inside. */
        join: (role: 'moderator' | 'participant', remotes: string[] = []) => {
            conference.moderator = role === 'moderator';
            remotes.forEach(id => conference.remotes.set(id, { id, name: `Schüler ${id}`, role: 'participant' }));
            store.dispatch({ type: 'CONFERENCE_JOINED', conference });
            remotes.forEach(id =>
                store.dispatch({
                    type: 'PARTICIPANT_JOINED',
                    participant: { id, name: `Schüler ${id}`, role: 'participant' },
                }),
            );
        },
    };
}
