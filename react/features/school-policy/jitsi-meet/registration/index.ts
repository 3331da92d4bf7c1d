/* global APP */
/**
 * Registration of the school-policy feature inside a jitsi-meet checkout. This is the only file of
 * the module that imports jitsi-meet internals; it is type-checked inside the checkout, not in
 * this repository. tools/fork/apply-to-jitsi-meet.ts copies the module in and adds
 * `import '../school-policy/jitsi-meet/registration';` to react/features/app/middlewares.any.ts.
 */
import { jitsiLocalStorage } from '@jitsi/js-utils';
import type { AnyAction } from 'redux';

import { reloadNow } from '../../../app/actions.web';
import type { IStore } from '../../../app/types';
import { endConference, leaveConference } from '../../../base/conference/actions.any';
import { hideDialog, openDialog } from '../../../base/dialog/actions';
import i18next from '../../../base/i18n/i18next';
import MiddlewareRegistry from '../../../base/redux/MiddlewareRegistry';
import PersistenceRegistry from '../../../base/redux/PersistenceRegistry';
import ReducerRegistry from '../../../base/redux/ReducerRegistry';
// Imported before the re-registration below, so that jitsi-meet's own registration comes first.
import '../../../base/settings/reducer';
import { showNotification } from '../../../notifications/actions';
import { joinConference } from '../../../prejoin/actions.web';
import { isPrejoinPageVisible } from '../../../prejoin/functions.any';
import { NOTIFICATION_TIMEOUT_TYPE } from '../../../notifications/constants';
import LocalRecordingManager from '../../../recording/components/Recording/LocalRecordingManager';
import { SchoolPolicyDialog } from '../SchoolPolicyDialog';
import { SCHOOL_POLICY_STATE_KEY, createSchoolPolicyFeature } from '../feature';
import { schoolAccessOverHttp } from '../blockedSchool';
import { refuseLocalRecording } from '../localRecording';
import { showRulesOnJitsiPrejoin } from '../prejoinRules';
import { gateHangupCalls, routeHangupClicks } from '../toolbarRouting';
import { keepPersonalSettingsOffDevice } from '../personalSettings';
import { guardJitsiStorage, meetingOver } from '../storageGuard';
import type { Middleware } from '../../reduxShapes';
import type { IJitsiMeetState } from '../types';

/** R4: this build is for shared school devices. */
const SHARED_DEVICES = true;

/** The language of jitsi-meet's UI, as the policy speaks it. */
const uiLang = () => (i18next.language?.startsWith('de') ? 'de' : 'en');

const feature = createSchoolPolicyFeature({
    deps: {
        leave: () => leaveConference(),
        endConference: () => endConference(),
        notify: (text: string) => showNotification({ title: text }, NOTIFICATION_TIMEOUT_TYPE.LONG),
        // A refused student is still on the prejoin screen: join again from there, as the join
        // button would; elsewhere reload the meeting page.
        rejoin: () => (dispatch: IStore['dispatch'], getState: IStore['getState']) =>
            dispatch(isPrejoinPageVisible(getState()) ? joinConference() : reloadNow()),
    },
    dialogs: {
        open: lang => openDialog('SchoolPolicyDialog', SchoolPolicyDialog, { lang }),
        hide: () => hideDialog('SchoolPolicyDialog', SchoolPolicyDialog),
        isOpen: state => state['features/base/dialog']?.component === SchoolPolicyDialog,
    },
    lang: () => uiLang(),
    storage: jitsiLocalStorage,
    schoolAccess: schoolAccessOverHttp(window.fetch.bind(window)),
    sharedDevices: SHARED_DEVICES,
});

if (SHARED_DEVICES) {
    // R4: after the meeting, what jitsi-meet keeps is not written back (lib-jitsi-meet stores the
    // teacher's sessionId again after the clean-up); installed before the app starts writing.
    guardJitsiStorage(window, () => typeof APP !== 'undefined' && Boolean(APP.store) && meetingOver(APP.store));
}

if (SHARED_DEVICES && !keepPersonalSettingsOffDevice(PersistenceRegistry)) {
    // Not silent: the admin sees in the console that this jitsi-meet version defeats the exclusion.
    console.warn("school-policy: jitsi-meet's settings are persisted as a whole; names may stay on the device");
}

ReducerRegistry.register(SCHOOL_POLICY_STATE_KEY, feature.reducer);

// The media centre and its short rules on the prejoin screen (prejoinRules.ts).
showRulesOnJitsiPrejoin(document, uiLang, () =>
    typeof APP !== 'undefined' && APP.store ? APP.store.getState() : undefined,
);

/**
 * Registers one of the module's middlewares with jitsi-meet's registry. The module declares Redux's
 * shapes itself (reduxShapes.ts, as Redux 5 does), jitsi-meet uses Redux 4: the two declare `next`
 * differently (`unknown` against `AnyAction`), at run time both are plain functions passing actions on.
 *
 * @param {Middleware} middleware - The module's middleware.
 * @returns {void}
 */
function register(middleware: Middleware<IJitsiMeetState>) {
    MiddlewareRegistry.register(store => next => {
        const handle = middleware(store)(action => next(action as AnyAction));

        return action => handle(action);
    });
}

feature.middlewares.forEach(register);

// R9: jitsi-meet's own recording middleware runs before ours and starts local recording without
// looking at the config; the manager it calls refuses instead.
refuseLocalRecording(LocalRecordingManager, () =>
    showNotification({ title: feature.recordingRefusedText() }, NOTIFICATION_TIMEOUT_TYPE.LONG),
);

// The hang-up gates (toolbarRouting.ts), installed on the first action: APP is set up by then.
let routed = false;

MiddlewareRegistry.register(store => next => action => {
    if (!routed && typeof APP !== 'undefined' && APP.API) {
        routed = true;
        routeHangupClicks(APP.API, (key, prevent) => feature.routeToolbarClick(key, store.dispatch, prevent));
        gateHangupCalls(APP.conference, () => feature.takeHangupCall(store));
    }

    return next(action);
});
