/**
 * All of the core's user-facing messages (errors, notices, chat texts), German first: the notices
 * (noticeMessages.ts) and the messages about input (inputMessages.ts) together. The portal and the
 * policy UI render these keys; their own UI texts live next to their components.
 */
import { inputDe, inputEn, type InputMessageKey } from './inputMessages';
import { noticeDe, noticeEn, type NoticeKey } from './noticeMessages';

/** Every message key the core can emit. */
export type MessageKey = NoticeKey | InputMessageKey;

/** German. */
export const de: Readonly<Record<MessageKey, string>> = { ...inputDe, ...noticeDe };

/** English. */
export const en: Readonly<Record<MessageKey, string>> = { ...inputEn, ...noticeEn };
