/**
 * The school-policy core: host-agnostic (no React DOM, no `window`, no Jitsi imports). Hosts use
 * the slice, the listeners and the `PolicyHost` port; UIs use the rules, the pure policy functions
 * and the messages.
 */
export * from './rules';
export * from './host';
export * from './i18n';
export * from './policy/password';
export * from './policy/displayName';
export * from './policy/roomName';
export * from './policy/hardenConfig';
export {
    HARDENED_KEYS,
    HARDENED_TOP_LEVEL_KEYS,
    REVIEWED_NOT_HARDENED,
    type HardenedKey,
    type HardenedPath,
    type FlagKey,
} from './policy/hardenedKeys';
export { HARDENED_KEY_PROBLEMS } from './policy/hardenedKeyProblems';
export * from './policy/invitation';
export * from './policy/leaveLast';
export * from './policy/hostFacts';
export { secureRandom, type RandomSource } from './policy/random';
export * from './slice';
export * from './selectors';
export * from './listeners';
export type { ListenerApi, ListenerPredicate, StartListening } from './listenerMiddleware';
export type { Dispatch, Middleware, MiddlewareAPI, Reducer, UnknownAction, Unsubscribe } from './reduxShapes';
export { defineEvents, type EventCreator, type PolicyEvent } from './events';
export { bindHost, type HostBinding, type HostStore } from './hostBinding';
