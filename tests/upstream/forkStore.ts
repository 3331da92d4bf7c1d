/**
 * The fork feature in a store made of jitsi-meet's own reducers where they load outside jitsi-meet:
 * `base/config`, `base/connection`, `base/settings` and `base/dialog`, imported from the unpacked SDK
 * sources so that they register themselves with jitsi-meet's ReducerRegistry, as in the real app.
 *
 * Three slices are modelled instead, because jitsi-meet's reducers for them import most of the app
 * (its conference functions pull in the whole toolbox, lib-jitsi-meet's runtime and some thirty npm
 * packages that are not in this repository): `base/conference` (base/conference/reducer.ts keeps the
 * `conference` of CONFERENCE_JOINED and drops it on CONFERENCE_LEFT), `base/participants` (only the
 * local participant's id, which base/participants/reducer.ts keeps under `local`) and `recording`
 * (recording/reducer.ts keeps `sessionDatas`, replacing a session by id on RECORDING_SESSION_UPDATED).
 *
 * Actions use jitsi-meet's own action types, and {@link forkStore}'s `join` enters in jitsi-meet's
 * order: CONFERENCE_WILL_JOIN, then everyone already inside (PARTICIPANT_JOINED), then CONFERENCE_JOINED.
 */
import { configureStore, type Middleware, type Reducer, type UnknownAction } from '@reduxjs/toolkit';
import * as conferenceTypes from 'jitsi-meet/base/conference/actionTypes';
import 'jitsi-meet/base/config/reducer';
import * as connectionTypes from 'jitsi-meet/base/connection/actionTypes';
import 'jitsi-meet/base/connection/reducer';
import 'jitsi-meet/base/dialog/reducer';
import * as participantTypes from 'jitsi-meet/base/participants/actionTypes';
import ReducerRegistry from 'jitsi-meet/base/redux/ReducerRegistry';
import 'jitsi-meet/base/settings/reducer';
import * as recordingTypes from 'jitsi-meet/recording/actionTypes';

import type { Lang, PolicyTiming } from '../../react/features/school-policy';
import { createSchoolPolicyFeature } from '../../react/features/school-policy/jitsi-meet/feature';
import type {
    IJitsiMeetDialogs,
    IJitsiConference,
    IRecordingSession,
} from '../../react/features/school-policy/jitsi-meet/types';
import { FakeConference } from '../support/fakeConference';

type Action = UnknownAction & Record<string, unknown>;

/** One of jitsi-meet's action types; a type jitsi-meet no longer has fails the test here. */
function jitsiType(types: Record<string, string>, name: string): string {
    const type = types[name];

    if (type === undefined) {
        throw new Error(`jitsi-meet has no action type ${name}`);
    }

    return type;
}

/** The action types of jitsi-meet the store and its helpers dispatch or model. */
const T = {
    CONFERENCE_WILL_JOIN: jitsiType(conferenceTypes, 'CONFERENCE_WILL_JOIN'),
    CONFERENCE_JOINED: jitsiType(conferenceTypes, 'CONFERENCE_JOINED'),
    CONFERENCE_LEFT: jitsiType(conferenceTypes, 'CONFERENCE_LEFT'),
    CONNECTION_ESTABLISHED: jitsiType(connectionTypes, 'CONNECTION_ESTABLISHED'),
    PARTICIPANT_JOINED: jitsiType(participantTypes, 'PARTICIPANT_JOINED'),
    PARTICIPANT_LEFT: jitsiType(participantTypes, 'PARTICIPANT_LEFT'),
    RECORDING_SESSION_UPDATED: jitsiType(recordingTypes, 'RECORDING_SESSION_UPDATED'),
};

/** The local participant's id in these tests. */
export const LOCAL_ID = 'local-teacher';

/** A reducer jitsi-meet registered when its module was imported. */
export function registeredReducer(name: string): Reducer {
    const reducer = ReducerRegistry._elements[name];

    if (!reducer) {
        throw new Error(`jitsi-meet registered no reducer ${name}`);
    }

    return reducer as Reducer;
}

/** base/conference/reducer.ts, the part the adapter reads: the joined conference. */
function conferenceModel(state: { conference?: IJitsiConference } = {}, action: Action) {
    switch (action.type) {
        case T.CONFERENCE_JOINED:
            return { conference: action.conference as IJitsiConference };
        case T.CONFERENCE_LEFT:
            return {};
        default:
            return state;
    }
}

/** base/participants/reducer.ts, the part the adapter reads: the local participant's id. */
function participantsModel(state: { local: { id: string } } = { local: { id: LOCAL_ID } }) {
    return state;
}

/** recording/reducer.ts, the part the adapter reads: the sessions by id. */
function recordingModel(state: { sessionDatas: IRecordingSession[] } = { sessionDatas: [] }, action: Action) {
    if (action.type !== T.RECORDING_SESSION_UPDATED) {
        return state;
    }
    const session = action.sessionData as IRecordingSession;

    return { sessionDatas: [...state.sessionDatas.filter(s => s.id !== session.id), session] };
}

/** Options of {@link forkStore}. */
export interface ForkStoreOptions {
    readonly timing?: Partial<PolicyTiming>;
    readonly storage?: Storage;
    readonly notOpenRetrySeconds?: number;
    /** Jitsi-meet's dialog system, with its real actions. */
    readonly dialogs?: IJitsiMeetDialogs;
    readonly lang?: Lang;
    readonly suggestPseudonym?: boolean;
    /** The XMPP address the local user is connected with (a teacher's by default). */
    readonly jid?: string;
}

/** Builds the store with the feature registered as the registration file does. */
export function forkStore(options: ForkStoreOptions = {}) {
    const conference = new FakeConference();
    const seen: Action[] = [];
    const left = () => ({ type: T.CONFERENCE_LEFT, conference });
    const feature = createSchoolPolicyFeature({
        deps: {
            leave: () => (dispatch: (a: Action) => void) => dispatch(left()),
            endConference: () => (dispatch: (a: Action) => void) => {
                seen.push({ type: 'test/endConference' });
                dispatch(left());
            },
            notify: (text: string) => ({ type: 'SHOW_NOTIFICATION', text }),
            rejoin: () => ({ type: 'test/rejoin' }),
        },
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
            'features/base/config': registeredReducer('features/base/config'),
            'features/base/connection': registeredReducer('features/base/connection'),
            'features/base/settings': registeredReducer('features/base/settings'),
            'features/base/dialog': registeredReducer('features/base/dialog'),
            'features/base/conference': conferenceModel,
            'features/base/participants': participantsModel,
            'features/recording': recordingModel,
            'features/school-policy': feature.reducer,
        },
        middleware: getDefault =>
            getDefault({ serializableCheck: false, immutableCheck: false })
                .prepend(...feature.middlewares)
                .concat(recorder),
    });
    const jid = options.jid ?? 'frau-mueller@meet.example.org/web-1';

    // jitsi-meet's connection reducer keeps the established connection; the adapter asks it for the JID.
    store.dispatch({
        type: T.CONNECTION_ESTABLISHED,
        connection: { getJid: () => jid },
        timeEstablished: 0,
    });
    conference.onKick = id => store.dispatch({ type: T.PARTICIPANT_LEFT, participant: { id, conference } });

    const participantJoined = (id: string) =>
        store.dispatch({
            type: T.PARTICIPANT_JOINED,
            participant: { id, name: `Schüler ${id}`, role: 'participant', conference },
        });

    return {
        store,
        conference,
        feature,
        seen,
        policy: () => store.getState()['features/school-policy'],
        config: () => store.getState()['features/base/config'] as Record<string, unknown>,
        /** The local user joins, as jitsi-meet does it, with others already inside. */
        join: (role: 'moderator' | 'participant', remotes: string[] = []) => {
            conference.moderator = role === 'moderator';
            store.dispatch({ type: T.CONFERENCE_WILL_JOIN, conference });
            remotes.forEach(id => {
                conference.remotes.set(id, { id, name: `Schüler ${id}`, role: 'participant' });
                participantJoined(id);
            });
            store.dispatch({ type: T.CONFERENCE_JOINED, conference });
        },
        participantJoined,
    };
}
