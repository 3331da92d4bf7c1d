/**
 * The drop-in build of the school-policy module for a stock jitsi-meet (Debian's jitsi-meet-web,
 * docker-jitsi-meet's web image): one script that plugin.head.html loads before jitsi-meet's bundle.
 * It runs the same feature as the compiled fork build (jitsi-meet/feature.ts), put into jitsi-meet's
 * store through the compose hook (storeHook.ts), with jitsi-meet's thunks rebuilt from its globals
 * (plainDeps.ts), its dialogs in its own root (dialogRoot.tsx), and it fails closed (failClosed.ts).
 * What it can and cannot do compared with the compiled build: README, enforcement table.
 */
import { createSchoolPolicyFeature } from '../jitsi-meet/feature';
import { schoolAccessOverHttp } from '../jitsi-meet/blockedSchool';
import { gateHangupCalls, routeHangupClicks } from '../jitsi-meet/toolbarRouting';
import { showRulesOnJitsiPrejoin } from '../jitsi-meet/prejoinRules';
import { guardJitsiStorage, meetingOver } from '../jitsi-meet/storageGuard';
import { JITSI_ACTIONS, type IJitsiMeetState } from '../jitsi-meet/types';

import { mountDialogRoot, pageLang, type JitsiStore } from './dialogRoot';
import { watchHook } from './failClosed';
import { jitsiApp, plainDeps } from './plainDeps';
import { keepSharedDeviceClean } from './sharedDevice';
import { installStoreHook } from './storeHook';

let storeCreatedAt: number | null = null;
/** jitsi-meet's store, once it exists. */
let jitsiStore: JitsiStore | null = null;

// R4: before jitsi-meet's bundle writes anything to the device.
guardJitsiStorage(window, () => jitsiStore !== null && meetingOver(jitsiStore));
let configSeen = false;

const feature = createSchoolPolicyFeature({
    deps: plainDeps(window),
    lang: () => pageLang(document),
    storage: window.localStorage,
    schoolAccess: schoolAccessOverHttp(window.fetch.bind(window)),
    // R4: a drop-in deployment serves shared school devices like the fork build does.
    sharedDevices: true,
});

/** Notes that jitsi-meet's config action came through the policy (the action types still match). */
const configWatch = () => (next: (action: unknown) => unknown) => (action: unknown) => {
    if ((action as { type?: unknown } | null)?.type === JITSI_ACTIONS.SET_CONFIG) {
        configSeen = true;
    }

    return next(action);
};

const installed = installStoreHook(
    window as unknown as Record<string, unknown>,
    { reducer: feature.reducer, middlewares: [configWatch, ...feature.middlewares] },
    {
        onStoreCreated(store) {
            storeCreatedAt = performance.now();
            // jitsi-meet sets APP.store right after creating it; then the hang-up gate and the
            // dialogs can attach (one tick later).
            window.setTimeout(() => {
                const app = jitsiApp(window);

                if (app?.API) {
                    routeHangupClicks(app.API, (key, prevent) =>
                        feature.routeToolbarClick(key, store.dispatch, prevent),
                    );
                }
                if (app?.conference) {
                    gateHangupCalls(app.conference, () => feature.takeHangupCall(store));
                }
                if (app?.store) {
                    const appStore = app.store as unknown as JitsiStore;

                    jitsiStore = appStore;
                    mountDialogRoot(document, appStore);
                    keepSharedDeviceClean(window, appStore, window.localStorage);
                }
            }, 0);
        },
    },
);

// The media centre and its short rules on the prejoin screen (prejoinRules.ts), as in the fork build.
showRulesOnJitsiPrejoin(
    document,
    () => pageLang(document),
    () => jitsiStore?.getState() as IJitsiMeetState | undefined,
);

if (!installed) {
    console.error('school-policy: window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ holds something else; not installed');
}
watchHook(window, () => ({ storeCreatedAt, configSeen }));
