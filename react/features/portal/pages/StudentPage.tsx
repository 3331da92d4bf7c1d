import React, { useRef, useState, type FormEvent } from 'react';

import {
    DISPLAY_NAME_MAX_LENGTH,
    claimsRole,
    generatePseudonym,
    policyActions,
    sanitiseDisplayName,
    studentPledges,
    translateCore,
} from '../../school-policy';
import { PledgeList } from '../../school-policy/components/web';
import { Field } from '../components/Field';
import { focusFirstProblem, usePledges } from '../components/formHelpers';
import { useAppDispatch, useAppSelector, usePortalText } from '../hooks';
import { readJoinInput } from '../joinLink';
import { portalActions } from '../portalSlice';
import { PATHS, useRouter } from '../router';
import { useSettings } from '../SettingsContext';

/** R7: a made-up name, or none; a random one at a click; no name that poses as a teacher. */
function PseudonymField({ name, onChange }: { readonly name: string; readonly onChange: (name: string) => void }) {
    const { lang, t } = usePortalText();
    const nameCut = sanitiseDisplayName(name).truncated;

    return (
        <Field
            id="name"
            label={t('student.name')}
            hint={nameCut ? translateCore(lang, 'name.tooLong', { max: DISPLAY_NAME_MAX_LENGTH }) : undefined}
            error={claimsRole(name) ? translateCore(lang, 'name.claimsRole') : null}
            value={name}
            autoComplete="off"
            onChange={event => onChange(event.target.value)}
        >
            <button type="button" onClick={() => onChange(generatePseudonym())}>
                {t('student.randomName')}
            </button>
        </Field>
    );
}

/** Where the room came from went wrong: the message for it, in the user's language. */
function roomErrorText(
    join: ReturnType<typeof readJoinInput>,
    jitsiOrigin: string,
    lang: 'de' | 'en',
    t: ReturnType<typeof usePortalText>['t'],
): string | null {
    if (join.ok) {
        return null;
    }
    if (join.error === 'foreignLink') {
        return t('student.foreignLink', { host: new URL(jitsiOrigin).host });
    }

    return join.error === 'badLink' ? t('student.badLink') : translateCore(lang, join.error, join.params);
}

/** A field's value, its error and its setter. */
interface FieldState {
    readonly value: string;
    readonly error: string | null;
    readonly onChange: (value: string) => void;
}

/** The room (link or name) and the password, with a note when a pasted link was cleaned. */
function RoomAndPassword({
    room,
    password,
    linkCleaned,
}: {
    readonly room: FieldState;
    readonly password: FieldState;
    readonly linkCleaned: boolean;
}) {
    const { t } = usePortalText();

    return (
        <>
            <Field
                id="room"
                label={t('student.room')}
                error={room.error}
                value={room.value}
                autoComplete="off"
                onChange={event => room.onChange(event.target.value)}
            />
            {linkCleaned && (
                <p className="info" role="status">
                    {t('student.linkCleaned')}
                </p>
            )}
            <Field
                id="password"
                label={t('student.password')}
                hint={t('student.passwordHint')}
                error={password.error}
                type="password"
                value={password.value}
                autoComplete="off"
                onChange={event => password.onChange(event.target.value)}
            />
        </>
    );
}

/**
 * Student: link or room, password, an optional (made-up) name, the pledges, "Beitreten". An invite
 * link may prefill the room, never the password. After a failed join everything but the password
 * is still filled in.
 */
export function StudentPage() {
    const { lang, t } = usePortalText();
    const settings = useSettings();
    const dispatch = useAppDispatch();
    const { navigate, search } = useRouter();
    const previous = useAppSelector(state => state.portal.session);
    const [roomInput, setRoomInput] = useState(() => previous?.room ?? new URLSearchParams(search).get('room') ?? '');
    const [password, setPassword] = useState('');
    const [name, setName] = useState(() => previous?.displayName ?? '');
    const [pledged, toggle] = usePledges(previous ? studentPledges().map(rule => rule.id) : []);
    const [submitted, setSubmitted] = useState(false);
    const form = useRef<HTMLFormElement>(null);

    const hosts = { portalOrigin: window.location.origin, jitsiOrigin: settings.jitsiOrigin };
    const join = readJoinInput(roomInput, hosts);
    const pledges = studentPledges();
    const allPledged = pledges.every(rule => pledged.has(rule.id));
    const showRoomError = submitted || (roomInput.trim().length > 0 && !join.ok && join.error !== 'room.empty');
    const roomError = showRoomError ? roomErrorText(join, settings.jitsiOrigin, lang, t) : null;
    const nameClaimsRole = claimsRole(name);
    const passwordError = submitted && password.trim().length === 0 ? t('student.passwordEmpty') : null;

    function submit(event: FormEvent) {
        event.preventDefault();
        setSubmitted(true);
        if (!join.ok || password.trim().length === 0 || !allPledged || nameClaimsRole) {
            focusFirstProblem(form.current);

            return;
        }
        // Teachers' passwords never start or end with spaces; a pasted one often does.
        dispatch(policyActions.meetingJoinRequested({ room: join.room, password: password.trim(), teaching: false }));
        dispatch(
            portalActions.sessionStarted({
                role: 'student',
                room: join.room,
                displayName: sanitiseDisplayName(name).name,
            }),
        );
        navigate(PATHS.meeting);
    }

    return (
        <form ref={form} onSubmit={submit} noValidate className="stack">
            <h1>{t('student.heading')}</h1>
            <RoomAndPassword
                room={{ value: roomInput, error: roomError, onChange: setRoomInput }}
                password={{ value: password, error: passwordError, onChange: setPassword }}
                linkCleaned={join.ok && join.cleaned}
            />
            <PseudonymField name={name} onChange={setName} />
            <p className="info">{t('student.info')}</p>
            <PledgeList
                legend={t('student.pledges')}
                pledges={pledges.map(rule => ({ id: rule.id, text: rule.studentPledge }))}
                checked={pledged}
                onToggle={toggle}
                error={submitted && !allPledged ? t('student.pledgesMissing') : undefined}
            />
            <button type="submit" className="primary">
                {t('student.join')}
            </button>
        </form>
    );
}
