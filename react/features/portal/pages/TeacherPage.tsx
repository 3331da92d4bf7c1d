import React, { useMemo, useRef, useState, type FormEvent } from 'react';

import {
    generatePassword,
    invitationText,
    normaliseRoomName,
    policyActions,
    sanitiseDisplayName,
    suggestUnguessableRoomName,
    teacherPledges,
    translateCore,
    validatePassword,
    type Lang,
} from '../../school-policy';
import { CopyButton, PledgeList } from '../../school-policy/components/web';
import { Field } from '../components/Field';
import { focusFirstProblem, usePledges } from '../components/formHelpers';
import { useAppDispatch, usePortalText } from '../hooks';
import { invitationLink } from '../joinLink';
import { portalActions } from '../portalSlice';
import { PATHS, useRouter } from '../router';
import { useSettings } from '../SettingsContext';
import type { Settings } from '../settings';

/** A room name nobody can guess, offered when the teacher's is easy to guess (R6). */
function RoomSuggestion({
    suggestion,
    onUse,
}: {
    readonly suggestion: string;
    readonly onUse: (name: string) => void;
}) {
    const { lang, t } = usePortalText();

    return (
        <p className="suggestion" role="status">
            {translateCore(lang, 'room.guessable', { suggestion })}{' '}
            <button type="button" onClick={() => onUse(suggestion)}>
                {t('teacher.useSuggestion')}
            </button>
        </p>
    );
}

/** The meeting's password: generated fresh for every start (R6), changeable, copyable. */
function MeetingPasswordField({
    password,
    error,
    onChange,
}: {
    readonly password: string;
    readonly error: string | null;
    readonly onChange: (password: string) => void;
}) {
    const { t } = usePortalText();

    return (
        <Field
            id="password"
            label={t('teacher.password')}
            hint={t('teacher.passwordHint')}
            error={error}
            value={password}
            autoComplete="off"
            spellCheck={false}
            onChange={event => onChange(event.target.value)}
        >
            <button type="button" onClick={() => onChange(generatePassword())}>
                {t('teacher.newPassword')}
            </button>
            <CopyButton text={password} label={t('teacher.copyPassword')} />
        </Field>
    );
}

/** The invitation to copy, with the advice to share the password late (R6). */
function InvitationCard({ invitation }: { readonly invitation: string }) {
    const { t } = usePortalText();

    return (
        <section className="card" aria-labelledby="invitation-heading">
            <h2 id="invitation-heading">{t('teacher.invitation')}</h2>
            <pre className="invitation">{invitation}</pre>
            <CopyButton text={invitation} label={t('teacher.copyInvitation')} />
            <p className="advice">{t('teacher.passwordAdvice')}</p>
        </section>
    );
}

/** The room name as typed, what it becomes, and an unguessable suggestion when it is easy to guess. */
function RoomNameField({
    input,
    normalised,
    error,
    suggestion,
    onChange,
}: {
    readonly input: string;
    readonly normalised: string | null;
    readonly error: string | null;
    readonly suggestion: string | null;
    readonly onChange: (value: string) => void;
}) {
    const { t } = usePortalText();

    return (
        <>
            <Field
                id="room"
                label={t('teacher.room')}
                hint={t('teacher.roomHint', { name: normalised ?? '…' })}
                error={error}
                value={input}
                autoComplete="off"
                onChange={event => onChange(event.target.value)}
            />
            {normalised !== null && suggestion && <RoomSuggestion suggestion={suggestion} onUse={onChange} />}
        </>
    );
}

/** The invitation for the class: the portal's join link, the lesson's title as typed (R6: no password). */
function teacherInvitation(lang: Lang, room: string, title: string, settings: Settings): string {
    return invitationText({
        lang,
        link: invitationLink(window.location.origin, room),
        centreName: settings.centreName,
        termsUrl: settings.termsUrl,
        title,
    });
}

/** Teacher: room name, a fresh password, the pledges, the invitation, then "Meeting starten". */
export function TeacherPage() {
    const { lang, t } = usePortalText();
    const settings = useSettings();
    const dispatch = useAppDispatch();
    const { navigate } = useRouter();
    const [roomInput, setRoomInput] = useState('');
    const [password, setPassword] = useState(() => generatePassword());
    const [name, setName] = useState('');
    const [pledged, toggle] = usePledges();
    const [submitted, setSubmitted] = useState(false);
    const form = useRef<HTMLFormElement>(null);

    const room = normaliseRoomName(roomInput);
    const suggestion = useMemo(
        () => (room.ok && room.guessable ? suggestUnguessableRoomName(room.name) : null),
        [room],
    );
    const passwordCheck = validatePassword(password);
    const pledges = teacherPledges();
    const allPledged = pledges.every(rule => pledged.has(rule.id));
    const roomError =
        !room.ok && (submitted || roomInput.length > 0) ? translateCore(lang, room.error, room.params) : null;
    const passwordError = passwordCheck.ok ? null : translateCore(lang, passwordCheck.error, passwordCheck.params);
    const invitation = room.ok ? teacherInvitation(lang, room.name, roomInput, settings) : null;

    function submit(event: FormEvent) {
        event.preventDefault();
        setSubmitted(true);
        if (!room.ok || !passwordCheck.ok || !allPledged) {
            // Move focus to the first problem so keyboard and screen-reader users land on it.
            focusFirstProblem(form.current);

            return;
        }
        dispatch(policyActions.meetingJoinRequested({ room: room.name, password }));
        dispatch(
            portalActions.sessionStarted({
                role: 'teacher',
                room: room.name,
                displayName: sanitiseDisplayName(name).name,
            }),
        );
        navigate(PATHS.meeting);
    }

    return (
        <form ref={form} onSubmit={submit} noValidate className="stack">
            <h1>{t('teacher.heading')}</h1>
            <RoomNameField
                input={roomInput}
                normalised={room.ok ? room.name : null}
                error={roomError}
                suggestion={suggestion}
                onChange={setRoomInput}
            />
            <MeetingPasswordField password={password} error={passwordError} onChange={setPassword} />
            <Field
                id="name"
                label={t('teacher.displayName')}
                value={name}
                autoComplete="off"
                onChange={event => setName(event.target.value)}
            />
            <PledgeList
                legend={t('teacher.pledges')}
                pledges={pledges.map(rule => ({ id: rule.id, text: rule.teacherPledge }))}
                checked={pledged}
                onToggle={toggle}
                error={submitted && !allPledged ? t('teacher.pledgesMissing') : undefined}
            />
            {invitation && <InvitationCard invitation={invitation} />}
            <button type="submit" className="primary">
                {t('teacher.start')}
            </button>
        </form>
    );
}
