/**
 * The policy's effects. Each listener reacts to an event or a state transition and talks to the
 * world only through the {@link PolicyHost} in `extra`. Nothing registers itself at import time:
 * {@link setupPolicyListeners} does, and returns a function that removes everything again.
 */
import { hostErrorCode, PolicyHostError, type PolicyHost, type RecordingMode } from './host';
import { noticeDe, noticeEn } from './i18n/noticeMessages';
import {
    createListenerMiddleware,
    type ListenerApi,
    type ListenerMiddleware,
    type StartListening,
} from './listenerMiddleware';
import type { UnknownAction, Unsubscribe } from './reduxShapes';
import { selectOthers, selectShouldLock } from './selectors';
import { policyActions, type PolicyState } from './slice';

/** One second of a countdown the user sees. */
const SECOND_MS = 1000;

/** Time limits, so that nothing waits forever. */
export interface PolicyTiming {
    /** How long one host command may take before it counts as failed. */
    readonly commandTimeoutMs: number;
    /** How long "remove all" waits for the room to be empty. */
    readonly removalWaitMs: number;
    /** How long we wait for the host to confirm that we left. */
    readonly leaveWaitMs: number;
}

/** Defaults for {@link PolicyTiming}. */
export const DEFAULT_TIMING: PolicyTiming = { commandTimeoutMs: 8000, removalWaitMs: 10000, leaveWaitMs: 5000 };

/** What the listener middleware must be created with: `createListenerMiddleware(extra)`. */
export interface PolicyExtra {
    readonly host: PolicyHost;
    readonly timing?: Partial<PolicyTiming>;
}

/** `startListening` of a listener middleware created with {@link PolicyExtra}. */
export type PolicyStartListening<S> = StartListening<S, PolicyExtra>;

type Api<S> = ListenerApi<S, PolicyExtra>;

/** Both languages in one chat message: we do not know what each student reads. */
function bilingual(key: 'leave.askAll' | 'chat.recordingStopped'): string {
    return `${noticeDe[key]} / ${noticeEn[key]}`;
}

/** Runs a host command with the configured time limit. */
async function command<S>(api: Api<S>, run: (host: PolicyHost) => Promise<void>): Promise<void> {
    const { host } = api.extra;
    const ms = { ...DEFAULT_TIMING, ...api.extra.timing }.commandTimeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PolicyHostError('timeout')), ms);
    });

    try {
        await Promise.race([run(host), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/**
 * Runs a host command and reports how it went: the success event, or the failure event with the
 * host's error code. Every teacher's choice ends in one of the two, so the UI never waits forever.
 */
async function commandReported<S>(
    api: Api<S>,
    run: (host: PolicyHost) => Promise<void>,
    succeeded: () => UnknownAction,
    failed: (code: ReturnType<typeof hostErrorCode>) => UnknownAction,
): Promise<void> {
    try {
        await command(api, run);
        api.dispatch(succeeded());
    } catch (error) {
        api.dispatch(failed(hostErrorCode(error)));
    }
}

/** Removes one participant and reports it (R8). */
function removeParticipant<S>(api: Api<S>, id: string): Promise<void> {
    return commandReported(
        api,
        host => host.kick(id),
        () => policyActions.participantRemoved({ id }),
        code => policyActions.participantRemovalFailed({ id, code }),
    );
}

function timing<S>(api: Api<S>): PolicyTiming {
    return { ...DEFAULT_TIMING, ...api.extra.timing };
}

/** R6: becoming moderator of a room not known to be locked locks it at once with the prepared password. */
function lockWhenModerator<S>(
    startListening: PolicyStartListening<S>,
    selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    const policy = (api: Api<S>): PolicyState => selectPolicy(api.getState());

    return startListening({
        predicate: (_action, current, previous) =>
            selectShouldLock(selectPolicy(current)) && !selectShouldLock(selectPolicy(previous)),
        effect: async (_action, api) => {
            const password = policy(api).password;

            if (password === null) {
                return;
            }
            api.dispatch(policyActions.lockSent());
            await commandReported(
                api,
                host => host.lock(password),
                () => policyActions.roomLocked(),
                code => policyActions.roomLockFailed({ code }),
            );
        },
    });
}

/**
 * R9: any recording or stream that is reported on is stopped, and everyone is told; one that could
 * not be stopped is tried again once we are moderator again (the reducer says `stopping`).
 */
function stopAnyRecording<S>(
    startListening: PolicyStartListening<S>,
    selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    const policy = (api: Api<S>): PolicyState => selectPolicy(api.getState());

    return startListening({
        predicate: (_action, current, previous) =>
            selectPolicy(current).recording.kind === 'stopping' && selectPolicy(previous).recording.kind !== 'stopping',
        effect: async (_action, api) => {
            const state = policy(api);

            if (state.recording.kind !== 'stopping') {
                return;
            }
            const modes: RecordingMode[] = [...state.recording.modes];
            let stopped = false;
            let lastError: unknown;

            for (const mode of modes) {
                try {
                    await command(api, host => host.stopRecording(mode));
                    stopped = true;
                } catch (error) {
                    lastError = error;
                }
            }
            if (!stopped) {
                api.dispatch(policyActions.recordingStopFailed({ modes, code: hostErrorCode(lastError) }));

                return;
            }
            api.dispatch(policyActions.recordingStopped());
            try {
                await command(api, host => host.sendMessageToAll(bilingual('chat.recordingStopped')));
            } catch {
                // The recording is stopped; a lost chat message is not worth a second notice.
            }
        },
    });
}

/** R8: whenever we enter `leaving`, leave (or, after "end for all", wait for the end), bounded. */
function leaveWhenLeaving<S>(
    startListening: PolicyStartListening<S>,
    selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    const policy = (api: Api<S>): PolicyState => selectPolicy(api.getState());

    return startListening({
        predicate: (_action, current, previous) =>
            selectPolicy(current).phase.kind === 'leaving' && selectPolicy(previous).phase.kind !== 'leaving',
        effect: async (_action, api) => {
            const phase = policy(api).phase;
            const wait = timing(api).leaveWaitMs;
            const isLeft = (_a: UnknownAction, state: S): boolean => selectPolicy(state).phase.kind === 'left';

            if (phase.kind === 'leaving' && phase.via === 'endForAll' && (await api.condition(isLeft, wait))) {
                return;
            }
            try {
                await command(api, host => host.leave());
            } catch {
                // Confirmation (or its absence) decides below.
            }
            if (!(await api.condition(isLeft, wait))) {
                api.dispatch(policyActions.meetingLeft({ reason: 'unconfirmed' }));
            }
        },
    });
}

/** R8: "Alle bitten zu gehen". */
function askAllToLeave<S>(
    startListening: PolicyStartListening<S>,
    _selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    return startListening({
        actionCreator: policyActions.askAllToLeaveChosen,
        effect: async (_action, api) => {
            await commandReported(
                api,
                host => host.sendMessageToAll(bilingual('leave.askAll')),
                () => policyActions.askedAllToLeave(),
                code => policyActions.askAllToLeaveFailed({ code }),
            );
        },
    });
}

/** R8: "Alle entfernen und beenden": remove each, then wait (bounded) for the room to be empty. */
function removeAllAndEnd<S>(
    startListening: PolicyStartListening<S>,
    selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    const policy = (api: Api<S>): PolicyState => selectPolicy(api.getState());

    return startListening({
        actionCreator: policyActions.removeAllChosen,
        effect: async (_action, api) => {
            const others = selectOthers(policy(api));

            await Promise.all(others.map(({ id }) => removeParticipant(api, id)));
            const emptied = await api.condition(
                (_a, state) => selectPolicy(state).phase.kind !== 'leaveBlocked',
                timing(api).removalWaitMs,
            );

            if (!emptied) {
                api.dispatch(policyActions.removalTimedOut());
            }
        },
    });
}

/** One participant removed by the teacher (e.g. after review of who came in before the lock). */
function removeOneParticipant<S>(
    startListening: PolicyStartListening<S>,
    _selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    return startListening({
        actionCreator: policyActions.participantRemovalChosen,
        effect: async (action, api) => {
            await removeParticipant(api, action.payload.id);
        },
    });
}

/** R8: "Für alle beenden". */
function endForAll<S>(startListening: PolicyStartListening<S>, _selectPolicy: (state: S) => PolicyState): Unsubscribe {
    return startListening({
        actionCreator: policyActions.endForAllChosen,
        effect: async (_action, api) => {
            await commandReported(
                api,
                host => host.endForAll(),
                () => policyActions.endedForAll(),
                code => policyActions.endForAllFailed({ code }),
            );
        },
    });
}

/**
 * R6 on the server: while the room is not open yet, count the seconds down in the state (every host
 * shows them from there) and then announce that it is time to try again. Ends early when the user
 * chooses to try now, and quietly when the countdown is dropped (joined, reset).
 */
function retryWhenNotOpen<S>(
    startListening: PolicyStartListening<S>,
    selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    const secondsLeft = (state: S): number | null => selectPolicy(state).notOpenRetry?.secondsLeft ?? null;

    return startListening({
        actionCreator: policyActions.joinRefusedAsNotOpen,
        effect: async (_action, api) => {
            // One countdown at a time: a later refusal takes over from the state as it is.
            api.cancelActiveListeners();
            for (;;) {
                const left = secondsLeft(api.getState());

                if (left === null) {
                    return;
                }
                if (left <= 0) {
                    break;
                }
                const ended = await api.condition((_a, state) => (secondsLeft(state) ?? 0) <= 0, SECOND_MS);

                if (!ended) {
                    api.dispatch(policyActions.notOpenSecondPassed());
                }
            }
            api.dispatch(policyActions.notOpenRetryDue());
        },
    });
}

/** The policy's effects, one per rule or teacher's choice, in the order they are registered. */
const EFFECTS = [
    lockWhenModerator,
    stopAnyRecording,
    leaveWhenLeaving,
    askAllToLeave,
    removeAllAndEnd,
    removeOneParticipant,
    endForAll,
    retryWhenNotOpen,
] as const;

/**
 * Registers the policy's listeners.
 *
 * @param startListening - from a listener middleware created with `extra: PolicyExtra`.
 * @param selectPolicy - finds the policy slice in the host's root state.
 * @returns a function that removes every listener again.
 */
export function setupPolicyListeners<S>(
    startListening: PolicyStartListening<S>,
    selectPolicy: (state: S) => PolicyState,
): Unsubscribe {
    const unsubscribes = EFFECTS.map(effect => effect(startListening, selectPolicy));

    return () => {
        unsubscribes.forEach(unsubscribe => unsubscribe());
    };
}

/** What {@link createPolicyMiddleware} gives a host to put into its store. */
export interface PolicyMiddleware<S, E extends PolicyExtra> {
    /** The listener middleware, with the policy's listeners registered. */
    readonly middleware: ListenerMiddleware<S, E>['middleware'];
    /** For the host's own listeners, which get the same `extra`. */
    readonly startListening: StartListening<S, E>;
    /** Removes the policy's listeners again. */
    readonly unsubscribe: Unsubscribe;
}

/**
 * The one way a host wires the policy into its store (the portal, the fork build, the drop-in and
 * the tests): a listener middleware whose `extra` carries the host (a getter, where the host can
 * only be made once the store exists), with the policy's listeners registered.
 *
 * @param extra - the host and timing, plus whatever the host's own listeners need.
 * @param selectPolicy - finds the policy slice in the host's root state.
 */
export function createPolicyMiddleware<S, E extends PolicyExtra>(
    extra: E,
    selectPolicy: (state: S) => PolicyState,
): PolicyMiddleware<S, E> {
    const listener = createListenerMiddleware<S, E>(extra);
    const unsubscribe = setupPolicyListeners(listener.startListening, selectPolicy);

    return { middleware: listener.middleware, startListening: listener.startListening, unsubscribe };
}
