import React from 'react';
import { useAppDispatch, useAppSelector, usePortalText } from '../hooks';
import { portalActions } from '../portalSlice';
import { Link, PATHS, useRouter } from '../router';

/** After the meeting: what happened, and for teachers, prominently, the device clean-up (R4). */
export function EndedPage() {
    const { t } = usePortalText();
    const dispatch = useAppDispatch();
    const { navigate } = useRouter();
    const phase = useAppSelector(state => state.schoolPolicy.phase);
    const role = useAppSelector(state => state.portal.session?.role);
    const reason = phase.kind === 'left' ? phase.reason : null;

    return (
        <div className="stack">
            <h1>{t('ended.heading')}</h1>
            {reason === 'kicked' && <p>{t('ended.kicked')}</p>}
            {reason === 'ended' && <p>{t('ended.ended')}</p>}
            {role === 'teacher' && (
                <section className="card">
                    <p>{t('ended.cleanupWhy')}</p>
                    <Link to={PATHS.cleanup} className="choice">
                        {t('ended.cleanup')}
                    </Link>
                </section>
            )}
            <button
                type="button"
                onClick={() => {
                    dispatch(portalActions.sessionEnded());
                    navigate(PATHS.start);
                }}
            >
                {t('ended.home')}
            </button>
        </div>
    );
}
