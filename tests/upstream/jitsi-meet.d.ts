// Narrow declarations of the jitsi-meet sources the upstream tests import from .cache/ (so that
// tsc does not follow into them; they run untyped in Jest).
declare module 'jitsi-meet/base/config/functions.any' {
    export function setConfigFromURLParams(
        config: Record<string, unknown>,
        interfaceConfig: unknown,
        location: string | URL,
    ): void;
}
declare module 'jitsi-meet/base/config/actions' {
    export function overwriteConfig(config: Record<string, unknown>): { type: string; config: Record<string, unknown> };
    export function updateConfig(config: Record<string, unknown>): { type: string; config: Record<string, unknown> };
}
declare module 'jitsi-meet/base/config/reducer' {}
declare module 'jitsi-meet/base/redux/ReducerRegistry' {
    const ReducerRegistry: {
        _elements: Record<string, (state: unknown, action: { type: string; [key: string]: unknown }) => unknown>;
        register(name: string, reducer: (state: never, action: never) => unknown): void;
        combineReducers(): (state: unknown, action: { type: string }) => Record<string, unknown>;
    };
    export default ReducerRegistry;
}
declare module 'jitsi-meet/base/config/actionTypes' {
    export const SET_CONFIG: string;
    export const UPDATE_CONFIG: string;
    export const OVERWRITE_CONFIG: string;
}
declare module 'jitsi-meet/*/actionTypes' {
    const types: Record<string, string>;
    export = types;
}
declare module 'jitsi-meet/base/dialog/actions' {
    import type { ComponentType } from 'react';

    type DialogAction = { type: string; component?: ComponentType<never>; componentProps?: object };
    export function openDialog<P extends object>(name: string, component: ComponentType<P>, props?: P): DialogAction;
    export function hideDialog(name?: string, component?: ComponentType<never>): DialogAction;
}
declare module 'jitsi-meet/base/dialog/reducer' {}
declare module 'jitsi-meet/base/settings/reducer' {}
declare module 'jitsi-meet/base/redux/PersistenceRegistry' {
    const PersistenceRegistry: {
        _elements: { [name: string]: boolean | object };
        _defaultStates: { [name: string]: object | undefined };
        register(name: string, config?: boolean | object, defaultState?: object): void;
        persistState(state: object): void;
    };
    export default PersistenceRegistry;
}
declare module 'jitsi-meet/base/connection/reducer' {}
declare module 'jitsi-meet/base/jwt/reducer' {}
declare module 'jitsi-meet/base/media/functions' {
    export function getStartWithAudioMuted(state: object): boolean;
    export function getStartWithVideoMuted(state: object): boolean;
}
declare module 'jitsi-meet/base/config/configWhitelist' {
    /** The config keys a URL (and the IFrame API's configOverwrite) may override. */
    const whitelist: string[];
    export default whitelist;
}
