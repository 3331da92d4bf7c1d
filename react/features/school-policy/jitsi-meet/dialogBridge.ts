/**
 * The bridge from the core's state to jitsi-meet's UI, after every action: the core's notices become
 * jitsi-meet notifications, and the dialog the policy needs is the one jitsi-meet shows. jitsi-meet
 * shows one dialog at a time and another may replace ours; while the policy still needs it, it
 * comes back with the next action (the password dialog cannot be got rid of, R6).
 */
import type { UnknownAction } from '../reduxShapes';

import { translateNotice } from '../i18n/noticeMessages';
import type { Lang } from '../rules';
import { selectPolicyDialog } from '../selectors';
import { policyActions, type PolicyState } from '../slice';

import type { IJitsiMeetDeps, IJitsiMeetDialogs, IJitsiMeetState } from './types';

/**
 * The bridge.
 *
 * @param {Object} options - Jitsi-meet's notification thunk, its dialog system (none: no dialogs),
 * the UI language and where the core's state is.
 * @returns {Function} Call after every action with the state after it and the store's dispatch.
 */
export function createDialogBridge(options: {
    readonly deps: Pick<IJitsiMeetDeps, 'notify'>;
    readonly dialogs?: IJitsiMeetDialogs;
    readonly lang: () => Lang;
    readonly selectPolicy: (state: IJitsiMeetState) => PolicyState | undefined;
}) {
    let bridging = false;

    const bridge = (state: IJitsiMeetState, dispatch: (action: UnknownAction) => unknown): void => {
        const policy = options.selectPolicy(state);

        if (!policy) {
            return;
        }
        for (const notice of policy.notices) {
            dispatch(options.deps.notify(translateNotice(options.lang(), notice.key, notice.params)) as UnknownAction);
            dispatch(policyActions.noticeDismissed({ id: notice.id }));
        }
        const dialogs = options.dialogs;

        if (!dialogs) {
            return;
        }
        const wanted = selectPolicyDialog(policy) !== null;
        const open = dialogs.isOpen(state);

        if (wanted && !open) {
            dispatch(dialogs.open(options.lang()) as UnknownAction);
        } else if (!wanted && open) {
            dispatch(dialogs.hide() as UnknownAction);
        }
    };

    // The bridge's own dispatches pass through the middleware again: bridge once, not recursively.
    return (getState: () => IJitsiMeetState, dispatch: (action: UnknownAction) => unknown): void => {
        if (bridging) {
            return;
        }
        bridging = true;
        try {
            bridge(getState(), dispatch);
        } finally {
            bridging = false;
        }
    };
}
