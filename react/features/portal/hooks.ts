/** Typed React-Redux hooks and the portal's translation hook. */
import { useDispatch, useSelector } from 'react-redux';

import { makeTranslate, type MessageParams } from '../school-policy';

import { de, en, type PortalMessageKey } from './messages';
import type { PortalDispatch, PortalRootState } from './store';

export const useAppDispatch = useDispatch.withTypes<PortalDispatch>();
export const useAppSelector = useSelector.withTypes<PortalRootState>();

const translate = makeTranslate<PortalMessageKey>({ de, en });

/** The portal's texts in the chosen language. */
export function usePortalText() {
    const lang = useAppSelector(state => state.portal.lang);

    return { lang, t: (key: PortalMessageKey, params?: MessageParams) => translate(lang, key, params) };
}
