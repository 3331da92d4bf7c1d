/**
 * The word list for generated passwords. Plain ASCII on purpose: a word must be easy to dictate to a
 * 12-year-old and to type on any keyboard, so there are no umlauts or ß, and no two words that sound
 * alike are both in the list. Apart from the pseudonyms' words (pseudonymWords.ts) because only the
 * teacher's password dialog needs it, which jitsi-meet loads when it is needed.
 */

/** 256 short, concrete German nouns for passwords (8 bits each). */
export const PASSWORD_WORDS: readonly string[] = (
    'Abend Adler Ahorn Akte Ampel Anker Apfel Arm Ast Atlas Auto Axt ' +
    'Bach Bahn Ball Banane Bank Bart Bauer Baum Becher Beere Berg Besen Bett Biber Biene Bild ' +
    'Birne Blatt Blitz Blume Boden Bogen Bohne Boot Brief Brille Brot Bruecke Brunnen Buch Burg Busch ' +
    'Dach Dachs Damm Daumen Decke Deich Delfin Docht Dorf Dose Drache Draht Dreieck Duft Dune Dusche ' +
    'Eber Ecke Efeu Eimer Eis Elch Engel Ente Erbse Erde Esel Eule Fabrik Faden Fahne Falke ' +
    'Farbe Feder Feld Fels Fenster Ferse Fisch Flagge Flasche Floh Flur Fluss Foto Frosch Frucht Funke ' +
    'Gabel Gans Garten Geige Gipfel Glas Glocke Gold Gras Griff Gurke Gurt Hafen Hafer Hagel Hai ' +
    'Hahn Haken Hammer Hand Harfe Hase Haus Hecke Heft Helm Hemd Herd Heu Hirsch Hof Honig ' +
    'Horn Hose Huhn Hut Igel Insel Jacke Jaguar Kabel Kaffee Kakao Kamel Kamm Kanal Kante Karte ' +
    'Kater Kegel Keks Keller Kerze Kette Kiefer Kirche Kiste Klee Knopf Koch Koffer Komet Korb Kran ' +
    'Kreis Krone Kugel Kuh Lampe Land Laterne Laub Leiter Licht Lilie Linde Loch Loewe Luchs Luft ' +
    'Mantel Marke Markt Maus Meer Mehl Melone Messer Milch Mond Moos Motor Wolke Muehle Muschel Nadel ' +
    'Nagel Nebel Nest Netz Nudel Nuss Oase Ofen Ohr Onkel Orgel Otter Paket Palme Panda Papier ' +
    'Park Pfad Pfeil Pferd Pilz Pinsel Planet Platz Pony Puma Punkt Quelle Rabe Rad Rakete Regen ' +
    'Reh Reis Ring Robbe Rock Rose Ruder Saal Sack Salz Sand Schal Schiff Schloss Schnee Schuh ' +
    'Seil Sessel Sieb Sofa Sonne Spiegel Stern Stift Strand Stuhl Tal Tanne Tasche Teller Tiger Tisch ' +
    'Uhr Vase Wald Zelt'
).split(' ');
