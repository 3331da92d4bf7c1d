import { createContext, useContext } from 'react';

import { makeTranslate, translateCore, type Lang, type MessageKey, type MessageParams } from '../..';

import { de, en, type UiMessageKey } from './messages';

/** The language the policy UI speaks; the host (portal or fork build) provides it. */
export const LangContext = createContext<Lang>('de');

const translateUi = makeTranslate<UiMessageKey>({ de, en });

/** Translation for policy UI components: their own texts and the core's messages. */
export function usePolicyText() {
    const lang = useContext(LangContext);

    return {
        lang,
        t: (key: UiMessageKey, params?: MessageParams) => translateUi(lang, key, params),
        core: (key: MessageKey, params?: MessageParams) => translateCore(lang, key, params),
    };
}
