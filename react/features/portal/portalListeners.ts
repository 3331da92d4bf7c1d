/** The portal's own effects: answering Jitsi's password request, and forgetting a session. */
import type { Dispatch, TypedStartListening, UnknownAction } from '@reduxjs/toolkit';

import { policyActions } from '../school-policy';

import { portalActions } from './portalSlice';
import type { PortalExtra, PortalRootState } from './store';

/** Registers the portal's listeners. */
export function setupPortalListeners(
    startListening: TypedStartListening<PortalRootState, Dispatch<UnknownAction>, PortalExtra>,
): void {
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

    // Back to the start: the meeting state, and with it the password, is gone.
    startListening({
        actionCreator: portalActions.sessionEnded,
        effect: (_action, api) => {
            api.extra.host.detach();
            api.dispatch(policyActions.policyReset());
        },
    });
}
