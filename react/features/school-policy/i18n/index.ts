import type { Lang } from '../rules';

import { de, en, type MessageKey } from './messages';
import { makeTranslate } from './translate';

export { de, en, type MessageKey };
export { format, makeTranslate, type Catalogues, type MessageParams } from './translate';

/** Translates one of the core's own message keys. */
export const translateCore = makeTranslate<MessageKey>({ de, en });

/** One event of the policy's log (slice.ts) in words for the teacher; an unknown one by its name. */
export function describeLogEvent(lang: Lang, event: string): string {
    const key = `log.${event}`;

    return Object.hasOwn(de, key) ? translateCore(lang, key as MessageKey) : event;
}
