/** The portal's own effects: answering Jitsi's password request, and forgetting a session. */
import { NOT_OPEN_RETRY_SECONDS, policyActions, type StartListening } from '../school-policy';

import { portalActions } from './portalSlice';
import type { PortalExtra, PortalRootState } from './portalState';

/** How long the meeting page may take to load and say anything (script, iframe and app included). */
export const PAGE_ANSWER_MS = 30000;

/** Registers the portal's listeners. */
export function setupPortalListeners(startListening: StartListening<PortalRootState, PortalExtra>): void {
    // Nothing waits forever: a meeting page that never says anything (unreachable, a 502 page) ends
    // in a clear message with a retry, after a bounded time.
    startListening({
        predicate: action => portalActions.sessionStarted.match(action) || portalActions.joinRetried.match(action),
        effect: async (_action, api) => {
            api.cancelActiveListeners();
            const answered = await api.condition(
                action => portalActions.meetingPageAnswered.match(action),
                api.extra.pageAnswerMs ?? PAGE_ANSWER_MS,
            );

            if (!answered) {
                api.dispatch(portalActions.meetingPageSilent());
            }
        },
    });

    // Jitsi asks for the password of a locked room: give the one entered, once. A second request
    // means it was wrong (docs/jitsi-behaviour.md §4: no other signal exists).
    startListening({
        actionCreator: portalActions.joinPasswordRequested,
        effect: (_action, api) => {
            const { join } = api.getState().portal;
            const password = api.getState().schoolPolicy.password;

            if (join.kind === 'connecting' && join.passwordRequests === 1 && password) {
                api.extra.host.submitJoinPassword(password);
            } else {
                api.dispatch(portalActions.joinPasswordRejected());
            }
        },
    });

    // In after giving the room's password (e.g. back after a reload while students stayed): that
    // proves the room is locked with it, so nobody announced now came in without it.
    startListening({
        actionCreator: portalActions.joinSucceeded,
        effect: (_action, api) => {
            const { join } = api.getOriginalState().portal;

            if (join.kind === 'connecting' && join.passwordRequests > 0) {
                // As the fork build reads jitsi-meet's join with a password (policyEvents.ts).
                api.dispatch(policyActions.lockStateObserved({ locked: true }));
            }
        },
    });

    // R6 on the server: refused because the room is not open yet. The core counts down (as in the
    // fork build); when it says so, the portal tries again with a new frame.
    startListening({
        predicate: (_action, current, previous) =>
            current.portal.join.kind === 'notOpen' && previous.portal.join.kind !== 'notOpen',
        effect: (_action, api) => {
            api.dispatch(policyActions.joinRefusedAsNotOpen({ seconds: NOT_OPEN_RETRY_SECONDS }));
        },
    });
    startListening({
        actionCreator: policyActions.notOpenRetryDue,
        effect: (_action, api) => {
            if (api.getState().portal.join.kind === 'notOpen') {
                api.dispatch(portalActions.joinRetried());
            }
        },
    });

    // Back to the start: the meeting state, and with it the password, is gone.
    startListening({
        actionCreator: portalActions.sessionEnded,
        effect: (_action, api) => {
            api.extra.host.detach();
            api.dispatch(policyActions.policyReset());
        },
    });
}
