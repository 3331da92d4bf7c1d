import { de, en, type MessageKey } from './messages';
import { makeTranslate } from './translate';

export { de, en, type MessageKey };
export { inputDe, inputEn, type InputMessageKey } from './inputMessages';
export { noticeDe, noticeEn, translateNotice, type NoticeKey } from './noticeMessages';
export { describeLogEvent, logDe, logEn, type LogEvent } from './logMessages';
export { format, makeTranslate, type Catalogues, type MessageParams } from './translate';

/** Translates one of the core's own message keys. */
export const translateCore = makeTranslate<MessageKey>({ de, en });
