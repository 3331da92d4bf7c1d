import React from 'react';
import type { Notice } from '../..';

import { usePolicyText } from './LangContext';

/** Props of {@link NoticeList}. */
export interface NoticeListProps {
    readonly notices: readonly Notice[];
    readonly onDismiss: (id: number) => void;
}

/** The policy's notices (recording stopped, lock failed …), announced to screen readers. */
export function NoticeList({ notices, onDismiss }: NoticeListProps) {
    const { t, core } = usePolicyText();

    return (
        <section aria-label={t('notices.label')} className="sp-notices">
            <div role="status" aria-live="polite">
                {notices.map(notice => (
                    <p key={notice.id} className="sp-notice">
                        <span>{core(notice.key, notice.params)}</span>
                        {notice.count !== undefined && notice.count > 1 && (
                            <span className="sp-notice-count"> {t('notice.count', { count: notice.count })}</span>
                        )}{' '}
                        <button type="button" onClick={() => onDismiss(notice.id)}>
                            {t('notice.dismiss')}
                        </button>
                    </p>
                ))}
            </div>
        </section>
    );
}
