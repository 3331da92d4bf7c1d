import {
    ROOM_NAME_MAX_LENGTH,
    normaliseRoomName,
    suggestUnguessableRoomName,
} from '../../react/features/school-policy';

describe('normaliseRoomName', () => {
    it.each([
        ['Mathe 7b Übung', 'mathe-7b-uebung'],
        ['Deutsch/Klasse 5a', 'deutsch-klasse-5a'],
        ['  Größe   ÄÖÜ  ', 'groesse-aeoeue'],
        ['Café Crème', 'cafe-creme'],
        ['Bio__Kurs--11', 'bio-kurs-11'],
        ['🦔 Igel-AG 🦔', 'igel-ag'],
    ])('turns %j into %j', (input, expected) => {
        expect(normaliseRoomName(input)).toMatchObject({ ok: true, name: expected });
    });

    it.each([
        ['', 'room.empty'],
        ['   ', 'room.empty'],
        ['!!! ??? ###', 'room.noUsableCharacters'],
        ['🦔🦔🦔', 'room.noUsableCharacters'],
        ['a'.repeat(201), 'room.tooLong'],
        ['ab '.repeat(30), 'room.tooLong'],
        ['https://meet.example.org/mathe', 'room.looksLikeLink'],
    ])('refuses %j with %s', (input, error) => {
        expect(normaliseRoomName(input)).toMatchObject({ ok: false, error });
    });

    it('flags short or plain names as guessable and accepts random-looking ones', () => {
        expect(normaliseRoomName('Mathe 7b')).toMatchObject({ guessable: true });
        expect(normaliseRoomName('Klasse 5a Deutsch')).toMatchObject({ guessable: true });
        expect(normaliseRoomName('mathe-7b-k3x9q4m7')).toMatchObject({ guessable: false });
    });
});

describe('suggestUnguessableRoomName', () => {
    it('keeps the teacher’s name and adds a suffix that is no longer guessable', () => {
        const suggestion = suggestUnguessableRoomName('mathe-7b');

        expect(suggestion).toMatch(/^mathe-7b-[a-z]\d[a-z]\d[a-z]\d[a-z]\d$/);
        expect(normaliseRoomName(suggestion)).toEqual({ ok: true, name: suggestion, guessable: false });
    });

    it('stays within the length limit for long names', () => {
        const suggestion = suggestUnguessableRoomName('a'.repeat(ROOM_NAME_MAX_LENGTH));

        expect(suggestion.length).toBeLessThanOrEqual(ROOM_NAME_MAX_LENGTH);
        expect(normaliseRoomName(suggestion)).toMatchObject({ ok: true, guessable: false });
    });

    it('differs from call to call', () => {
        expect(new Set(Array.from({ length: 100 }, () => suggestUnguessableRoomName('mathe'))).size).toBe(100);
    });
});
