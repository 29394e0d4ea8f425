<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>callos::CallEventCodec</name>
    <message>
        <source>This event was written by a newer CallOS (schema %1; this version reads %2). Update CallOS.</source>
        <translation>Dieses Ereignis stammt von einer neueren CallOS-Version (Schema %1; diese Version liest %2). Bitte aktualisieren Sie CallOS.</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>Malformed event: %1</source>
        <translation>Fehlerhaftes Ereignis: %1</translation>
    </message>
    <message>
        <source>Malformed event: %1 at byte %2</source>
        <translation>Fehlerhaftes Ereignis: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>Malformed event: must be a JSON object</source>
        <translation>Fehlerhaftes Ereignis: muss ein JSON-Objekt sein</translation>
    </message>
</context>
<context>
    <name>callos::CallReducer</name>
    <message>
        <source>Malformed %1 event: %2</source>
        <translation>Fehlerhaftes %1-Ereignis: %2</translation>
    </message>
    <message>
        <source>This event uses schema %1; this CallOS reads schema %2.</source>
        <translation>Dieses Ereignis verwendet Schema %1; diese CallOS-Version liest Schema %2.</translation>
    </message>
    <message>
        <source>Unknown event type &apos;%1&apos;.</source>
        <translation>Unbekannter Ereignistyp &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Malformed %1 event: id, callId, deviceId, seq and at are required.</source>
        <translation>Fehlerhaftes %1-Ereignis: id, callId, deviceId, seq und at sind erforderlich.</translation>
    </message>
    <message>
        <source>The call has not started yet.</source>
        <translation>Das Gespräch hat noch nicht begonnen.</translation>
    </message>
    <message>
        <source>This event belongs to call %1, not to call %2.</source>
        <translation>Dieses Ereignis gehört zu Gespräch %1, nicht zu Gespräch %2.</translation>
    </message>
    <message>
        <source>The call has already started.</source>
        <translation>Das Gespräch hat bereits begonnen.</translation>
    </message>
    <message>
        <source>The call is completed; nothing more can be recorded.</source>
        <translation>Das Gespräch ist abgeschlossen; es kann nichts mehr erfasst werden.</translation>
    </message>
    <message>
        <source>Event %1 from device %2 is out of order (seq %3 after %4).</source>
        <translation>Ereignis %1 von Gerät %2 kommt außer der Reihe (seq %3 nach %4).</translation>
    </message>
    <message>
        <source>This can only be done during a call.</source>
        <translation>Das ist nur während eines Gesprächs möglich.</translation>
    </message>
    <message>
        <source>Begin the call first: finish the pre-call checklist and enter the first milestone.</source>
        <translation>Beginnen Sie zuerst das Gespräch: Arbeiten Sie die Checkliste vor dem Gespräch ab und starten Sie den ersten Meilenstein.</translation>
    </message>
    <message>
        <source>Finish the open %1 objection first: classify it as resolved, deferred or disqualified.</source>
        <translation>Schließen Sie zuerst den offenen Einwand „%1“ ab: als ausgeräumt, zurückgestellt oder disqualifiziert.</translation>
    </message>
    <message>
        <source>There is no milestone &apos;%1&apos; in this playbook.</source>
        <translation>Dieses Playbook hat keinen Meilenstein &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Advisory-only call: %1 is part of the coaching pitch and is disabled.</source>
        <translation>Reines Beratungsgespräch: %1 gehört zum Coaching-Pitch und ist gesperrt.</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>This call uses playbook %1 version %2, but %3 version %4 is loaded.</source>
        <translation>Dieses Gespräch verwendet Playbook %1 Version %2, geladen ist aber %3 Version %4.</translation>
    </message>
    <message>
        <source>The playbook has no field &apos;%1&apos;.</source>
        <translation>Das Playbook hat kein Feld &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>The recorded gate verdict does not match the call&apos;s %1.</source>
        <translation>Das erfasste Qualifizierungsergebnis passt nicht zum Feld %1 des Gesprächs.</translation>
    </message>
    <message>
        <source>The pre-call checklist has no item &apos;%1&apos;.</source>
        <translation>Die Checkliste vor dem Gespräch hat keinen Punkt &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>%1 has no checklist item &apos;%2&apos;.</source>
        <translation>%1 hat keinen Checklistenpunkt &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>is required (null clears the field)</source>
        <translation>ist erforderlich (null leert das Feld)</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters per milestone.</source>
        <translation>Notizen sind auf %1 Zeichen pro Meilenstein begrenzt.</translation>
    </message>
    <message>
        <source>%1 has no confirmation &apos;%2&apos;.</source>
        <translation>%1 hat keine Bestätigung &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation>Sie sind bereits in %1.</translation>
    </message>
    <message>
        <source>%1 comes later: complete or skip the milestones before it first.</source>
        <translation>%1 kommt später: Schließen Sie zuerst die vorherigen Meilensteine ab oder überspringen Sie sie.</translation>
    </message>
    <message>
        <source>Pre-call checklist still open: %1. Tick them, or give a reason to begin anyway.</source>
        <translation>Checkliste vor dem Gespräch noch offen: %1. Haken Sie die Punkte ab oder nennen Sie einen Grund, um trotzdem zu beginnen.</translation>
    </message>
    <message>
        <source>Only the current milestone can be completed; you are not in %1.</source>
        <translation>Nur der aktuelle Meilenstein kann abgeschlossen werden; Sie sind nicht in %1.</translation>
    </message>
    <message>
        <source>Record the decision (proceed, pause or decline) before completing %1.</source>
        <translation>Erfassen Sie die Entscheidung (weiter, pausieren oder absagen), bevor Sie %1 abschließen.</translation>
    </message>
    <message>
        <source>Still open in %1: %2. Complete them, or give a reason to move on anyway.</source>
        <translation>Noch offen in %1: %2. Erledigen Sie die Punkte oder nennen Sie einen Grund, um trotzdem weiterzugehen.</translation>
    </message>
    <message>
        <source>%1 cannot be skipped: every call ends with a decision.</source>
        <translation>%1 kann nicht übersprungen werden: Jedes Gespräch endet mit einer Entscheidung.</translation>
    </message>
    <message>
        <source>%1 is already done.</source>
        <translation>%1 ist bereits erledigt.</translation>
    </message>
    <message>
        <source>Say why you are skipping %1.</source>
        <translation>Geben Sie an, warum Sie %1 überspringen.</translation>
    </message>
    <message>
        <source>The playbook has no objection type &apos;%1&apos;.</source>
        <translation>Das Playbook hat keinen Einwandtyp &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>There is no open objection %1 to answer.</source>
        <translation>Einwand %1 ist nicht offen und kann nicht beantwortet werden.</translation>
    </message>
    <message>
        <source>%1 has no diagnostic question &apos;%2&apos;.</source>
        <translation>%1 hat keine Diagnosefrage &apos;%2&apos;.</translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters.</source>
        <translation>Notizen sind auf %1 Zeichen begrenzt.</translation>
    </message>
    <message>
        <source>There is no open objection %1 to classify.</source>
        <translation>Einwand %1 ist nicht offen und kann nicht eingeordnet werden.</translation>
    </message>
    <message>
        <source>An objection ends as resolved, deferred or disqualified, not &apos;%1&apos;.</source>
        <translation>Ein Einwand endet als ausgeräumt, zurückgestellt oder disqualifiziert, nicht als &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The decision is recorded in %1; you are not there yet.</source>
        <translation>Die Entscheidung wird in %1 erfasst; dort sind Sie noch nicht.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a decision option of this playbook.</source>
        <translation>&apos;%1&apos; ist keine Entscheidungsoption dieses Playbooks.</translation>
    </message>
    <message>
        <source>A decline needs a reason: pick one of the disqualification reasons.</source>
        <translation>Eine Absage braucht einen Grund: Wählen Sie einen der Disqualifizierungsgründe.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the disqualification reasons.</source>
        <translation>&apos;%1&apos; ist keiner der Disqualifizierungsgründe.</translation>
    </message>
    <message>
        <source>A pause needs a follow-up date and time.</source>
        <translation>Eine Pause braucht einen Folgetermin mit Datum und Uhrzeit.</translation>
    </message>
    <message>
        <source>The follow-up must be in the future.</source>
        <translation>Der Folgetermin muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Record the decision before ending the call.</source>
        <translation>Erfassen Sie die Entscheidung, bevor Sie das Gespräch beenden.</translation>
    </message>
    <message>
        <source>Complete %1 before ending the call.</source>
        <translation>Schließen Sie %1 ab, bevor Sie das Gespräch beenden.</translation>
    </message>
</context>
<context>
    <name>callos::CallSession</name>
    <message>
        <source>Could not save: %1. Nothing was changed; try again.</source>
        <translation>Speichern fehlgeschlagen: %1. Es wurde nichts geändert; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Begin the call first: finish the pre-call checklist and enter the first milestone.</source>
        <translation>Beginnen Sie zuerst das Gespräch: Arbeiten Sie die Checkliste vor dem Gespräch ab und starten Sie den ersten Meilenstein.</translation>
    </message>
    <message>
        <source>Going to %1 skips %2. Say why.</source>
        <translation>Der Wechsel zu %1 überspringt %2. Geben Sie einen Grund an.</translation>
    </message>
    <message>
        <source>There is no open objection to answer.</source>
        <translation>Es ist kein Einwand offen, der beantwortet werden kann.</translation>
    </message>
    <message>
        <source>There is no open objection to classify.</source>
        <translation>Es ist kein Einwand offen, der eingeordnet werden kann.</translation>
    </message>
    <message>
        <source>Disqualified during the %1 objection</source>
        <translation>Disqualifiziert beim Einwand „%1“</translation>
    </message>
</context>
<context>
    <name>callos::DeckLoader</name>
    <message>
        <source>unsupported version %1; this CallOS reads version %2</source>
        <translation>nicht unterstützte Version %1; diese CallOS-Version liest Version %2</translation>
    </message>
    <message>
        <source>duplicate slide id &apos;%1&apos; (first at %2)</source>
        <translation>doppelte Folien-ID &apos;%1&apos; (zuerst bei %2)</translation>
    </message>
    <message>
        <source>unknown placeholder {{%1}}</source>
        <translation>unbekannter Platzhalter {{%1}}</translation>
    </message>
    <message>
        <source>unknown milestone &apos;%1&apos;</source>
        <translation>unbekannter Meilenstein &apos;%1&apos;</translation>
    </message>
    <message>
        <source>must be one of title, bullets, image, metric, two-column, quote (got &apos;%1&apos;)</source>
        <translation>muss title, bullets, image, metric, two-column oder quote sein (erhalten: &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>not used by the %1 layout</source>
        <translation>wird vom Layout %1 nicht verwendet</translation>
    </message>
    <message>
        <source>must be a path inside the deck folder</source>
        <translation>muss ein Pfad innerhalb des Foliensatz-Ordners sein</translation>
    </message>
    <message>
        <source>image file not found: %1</source>
        <translation>Bilddatei nicht gefunden: %1</translation>
    </message>
</context>
<context>
    <name>callos::FieldValues</name>
    <message>
        <source>between %1 and %2</source>
        <translation>zwischen %1 und %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation>%1 muss %2 sein.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss ein Text sein.</translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters).</source>
        <translation>%1 ist zu lang (höchstens %2 Zeichen).</translation>
    </message>
    <message>
        <source>%1 must be one of the listed options.</source>
        <translation>%1 muss eine der aufgeführten Optionen sein.</translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD).</source>
        <translation>%1 muss ein Datum sein (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>%1 is outside the allowed dates.</source>
        <translation>%1 liegt außerhalb des zulässigen Zeitraums.</translation>
    </message>
    <message>
        <source>Noted: %1</source>
        <translation>Notiert: %1</translation>
    </message>
</context>
<context>
    <name>callos::JsonFile</name>
    <message>
        <source>file is empty</source>
        <translation>Datei ist leer</translation>
    </message>
    <message>
        <source>file is too large (%1 bytes; the limit is %2)</source>
        <translation>Datei ist zu groß (%1 Bytes; Obergrenze %2)</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>ungültiges UTF-8</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>\u%1 is half of a surrogate pair without its other half, not a character</source>
        <translation>\u%1 ist eine Hälfte eines Surrogatpaars ohne die andere Hälfte, kein Zeichen</translation>
    </message>
</context>
<context>
    <name>callos::JsonObjectReader</name>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must start with a letter and contain only letters, digits, &apos;-&apos; or &apos;_&apos; (at most 64)</source>
        <translation>muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos; enthalten (höchstens 64)</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>muss zwischen %1 und %2 liegen</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>must have at least one entry</source>
        <translation>muss mindestens einen Eintrag haben</translation>
    </message>
    <message>
        <source>must have at least %1 entries</source>
        <translation>muss mindestens %1 Einträge haben</translation>
    </message>
    <message>
        <source>must have at most %1 entries</source>
        <translation>darf höchstens %1 Einträge haben</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>muss eine nicht leere Zeichenkette sein</translation>
    </message>
</context>
<context>
    <name>callos::PlaybookLoader</name>
    <message>
        <source>duplicate %1 &apos;%2&apos; (first at %3)</source>
        <translation>doppelte %1 &apos;%2&apos; (zuerst bei %3)</translation>
    </message>
    <message>
        <source>field id</source>
        <translation>Feld-ID</translation>
    </message>
    <message>
        <source>milestone id</source>
        <translation>Meilenstein-ID</translation>
    </message>
    <message>
        <source>must be one of integer, money, percent, text, choice, date (got &apos;%1&apos;)</source>
        <translation>muss integer, money, percent, text, choice oder date sein (erhalten: &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>a percent cannot be below 0</source>
        <translation>ein Prozentwert kann nicht unter 0 liegen</translation>
    </message>
    <message>
        <source>must be &lt;= max</source>
        <translation>muss &lt;= max sein</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>muss ein Datum im Format JJJJ-MM-TT sein</translation>
    </message>
    <message>
        <source>only for integer, money, percent and date fields</source>
        <translation>nur für Felder vom Typ integer, money, percent und date</translation>
    </message>
    <message>
        <source>only for text fields</source>
        <translation>nur für Felder vom Typ text</translation>
    </message>
    <message>
        <source>option id</source>
        <translation>Options-ID</translation>
    </message>
    <message>
        <source>only for choice fields</source>
        <translation>nur für Felder vom Typ choice</translation>
    </message>
    <message>
        <source>checklist item id</source>
        <translation>Checklistenpunkt-ID</translation>
    </message>
    <message>
        <source>confirmation id</source>
        <translation>Bestätigungs-ID</translation>
    </message>
    <message>
        <source>question id</source>
        <translation>Fragen-ID</translation>
    </message>
    <message>
        <source>decision option</source>
        <translation>Entscheidungsoption</translation>
    </message>
    <message>
        <source>must be one of proceed, pause, decline (got &apos;%1&apos;)</source>
        <translation>muss proceed, pause oder decline sein (erhalten: &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>reason id</source>
        <translation>Grund-ID</translation>
    </message>
    <message>
        <source>at least one reason is required when decline is an option</source>
        <translation>mindestens ein Grund ist erforderlich, wenn decline eine Option ist</translation>
    </message>
    <message>
        <source>must be one of &gt;=, &gt;, &lt;=, &lt;, ==, != (got &apos;%1&apos;)</source>
        <translation>muss &gt;=, &gt;, &lt;=, &lt;, == oder != sein (erhalten: &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be a milestone id</source>
        <translation>muss eine Meilenstein-ID sein</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation>unbekanntes Feld &apos;%1&apos;</translation>
    </message>
    <message>
        <source>must name a numeric field (integer, money or percent)</source>
        <translation>muss ein numerisches Feld angeben (integer, money oder percent)</translation>
    </message>
    <message>
        <source>unknown milestone &apos;%1&apos;</source>
        <translation>unbekannter Meilenstein &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the decision milestone cannot be blocked</source>
        <translation>der Entscheidungs-Meilenstein kann nicht gesperrt werden</translation>
    </message>
    <message>
        <source>unknown placeholder {{%1}}</source>
        <translation>unbekannter Platzhalter {{%1}}</translation>
    </message>
    <message>
        <source>unsupported version %1; this CallOS reads version %2</source>
        <translation>nicht unterstützte Version %1; diese CallOS-Version liest Version %2</translation>
    </message>
    <message>
        <source>must be an ISO 4217 code such as USD or EUR</source>
        <translation>muss ein ISO-4217-Code wie USD oder EUR sein</translation>
    </message>
    <message>
        <source>objection id</source>
        <translation>Einwand-ID</translation>
    </message>
</context>
<context>
    <name>callos::TextTemplate</name>
    <message>
        <source>unclosed &apos;{{&apos; at character %1</source>
        <translation>nicht geschlossenes &apos;{{&apos; bei Zeichen %1</translation>
    </message>
    <message>
        <source>empty placeholder at character %1</source>
        <translation>leerer Platzhalter bei Zeichen %1</translation>
    </message>
    <message>
        <source>placeholder &apos;%1&apos; is not a field id</source>
        <translation>Platzhalter &apos;%1&apos; ist keine Feld-ID</translation>
    </message>
</context>
<context>
    <name>callos::client::Account</name>
    <message>
        <source>Your session could not be read from the system keychain, so sign in again. (%1)</source>
        <translation>Ihre Sitzung konnte nicht aus dem Schlüsselbund des Systems gelesen werden; bitte melden Sie sich erneut an. (%1)</translation>
    </message>
    <message>
        <source>You are already signed in. Sign out first.</source>
        <translation>Sie sind bereits angemeldet. Melden Sie sich zuerst ab.</translation>
    </message>
    <message>
        <source>Signing in is already under way.</source>
        <translation>Die Anmeldung läuft bereits.</translation>
    </message>
    <message>
        <source>Enter the e-mail address you sign in with.</source>
        <translation>Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>a session token</source>
        <translation>ein Sitzungstoken</translation>
    </message>
    <message>
        <source>Your organisation requires two-step sign-in. Set up an authenticator app for your account before your next sign-in.</source>
        <translation>Ihre Organisation verlangt die Anmeldung in zwei Schritten. Richten Sie vor Ihrer nächsten Anmeldung eine Authenticator-App für Ihr Konto ein.</translation>
    </message>
    <message>
        <source>who you are</source>
        <translation>wer Sie sind</translation>
    </message>
    <message>
        <source>You are signed in, but the system keychain cannot keep your session, so you will sign in again at the next start. (%1)</source>
        <translation>Sie sind angemeldet, aber der Schlüsselbund des Systems kann Ihre Sitzung nicht aufbewahren; beim nächsten Start melden Sie sich erneut an. (%1)</translation>
    </message>
    <message>
        <source>The old session could not be removed from the system keychain. (%1)</source>
        <translation>Die alte Sitzung konnte nicht aus dem Schlüsselbund des Systems entfernt werden. (%1)</translation>
    </message>
</context>
<context>
    <name>callos::client::ApiProblem</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation>Der Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The server %1 cannot be found. Check the address and the network.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie die Adresse und das Netzwerk.</translation>
    </message>
    <message>
        <source>The server %1 refuses connections: it is not running or not reachable.</source>
        <translation>Der Server %1 lehnt Verbindungen ab: Er läuft nicht oder ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>A secure connection to %1 cannot be made: %2</source>
        <translation>Eine sichere Verbindung zu %1 ist nicht möglich: %2</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server at %1 answered HTTP %2, which is not a CallOS answer. Check the server address.</source>
        <translation>Der Server unter %1 antwortete mit HTTP %2; das ist keine Antwort von CallOS. Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The server&apos;s answer is missing %1. Is this the address of a CallOS server?</source>
        <translation>In der Antwort des Servers fehlt %1. Ist das die Adresse eines CallOS-Servers?</translation>
    </message>
</context>
<context>
    <name>callos::client::CallController</name>
    <message>
        <source>No call is open.</source>
        <translation>Es ist kein Gespräch geöffnet.</translation>
    </message>
</context>
<context>
    <name>callos::client::CallEventStore</name>
    <message numerus="yes">
        <source>saving %n call event(s) of call %1</source>
        <translation>
            <numerusform>Speichern von %n Ereignis des Gesprächs %1</numerusform>
            <numerusform>Speichern von %n Ereignissen des Gesprächs %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An event without an id or a call id cannot be saved; none of the %n event(s) were saved.</source>
        <translation>
            <numerusform>Ein Ereignis ohne ID oder Gesprächs-ID kann nicht gespeichert werden; es wurde nicht gespeichert.</numerusform>
            <numerusform>Ein Ereignis ohne ID oder Gesprächs-ID kann nicht gespeichert werden; keines der %n Ereignisse wurde gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 appears twice in the batch; none of its %n event(s) were saved.</source>
        <translation>
            <numerusform>Ereignis %1 kommt im Stapel doppelt vor; das Ereignis wurde nicht gespeichert.</numerusform>
            <numerusform>Ereignis %1 kommt im Stapel doppelt vor; keines der %n Ereignisse wurde gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 is already stored in %2; none of the %n event(s) of this batch were saved.</source>
        <translation>
            <numerusform>Ereignis %1 ist bereits in %2 gespeichert; das Ereignis dieses Stapels wurde nicht gespeichert.</numerusform>
            <numerusform>Ereignis %1 ist bereits in %2 gespeichert; keines der %n Ereignisse dieses Stapels wurde gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>the events of call %1</source>
        <translation>Ereignisse des Gesprächs %1</translation>
    </message>
    <message>
        <source>the events waiting to be sent</source>
        <translation>zu sendende Ereignisse</translation>
    </message>
    <message>
        <source>the number of events waiting to be sent</source>
        <translation>Anzahl zu sendender Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>marking %n event(s) as received by the server</source>
        <translation>
            <numerusform>Markieren von %n Ereignis als vom Server empfangen</numerusform>
            <numerusform>Markieren von %n Ereignissen als vom Server empfangen</numerusform>
        </translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation>Ereignis %1: %2</translation>
    </message>
</context>
<context>
    <name>callos::client::CallLauncher</name>
    <message>
        <source>This call was never started; start a new one.</source>
        <translation>Dieses Gespräch wurde nie begonnen; starten Sie ein neues.</translation>
    </message>
</context>
<context>
    <name>callos::client::CallRepository</name>
    <message>
        <source>A call needs an id, a prospect and a playbook; it was not saved.</source>
        <translation>Ein Gespräch braucht eine ID, einen Interessenten und ein Playbook; es wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Call %1 has a completion time exactly when it is completed; it was not saved.</source>
        <translation>Gespräch %1 muss genau dann einen Abschlusszeitpunkt haben, wenn es abgeschlossen ist; es wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>saving call %1</source>
        <translation>Speichern des Gesprächs %1</translation>
    </message>
    <message>
        <source>Call %1 is for prospect %2, who is not stored; the call was not saved.</source>
        <translation>Gespräch %1 gehört zu Interessent %2, der nicht gespeichert ist; das Gespräch wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>A call with id %1 is already stored; nothing was changed.</source>
        <translation>Ein Gespräch mit der ID %1 ist bereits gespeichert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>call %1</source>
        <translation>Gespräch %1</translation>
    </message>
    <message>
        <source>the recent calls</source>
        <translation>letzte Gespräche</translation>
    </message>
    <message>
        <source>the unfinished calls</source>
        <translation>offene Gespräche</translation>
    </message>
    <message>
        <source>marking call %1 completed</source>
        <translation>Abschließen des Gesprächs %1</translation>
    </message>
</context>
<context>
    <name>callos::client::CallReview</name>
    <message>
        <source>Sign in to a CallOS server to get the recording, its transcript and the analysis of this call.</source>
        <translation>Melden Sie sich bei einem CallOS-Server an, um die Aufnahme, ihr Transkript und die Analyse dieses Gesprächs zu erhalten.</translation>
    </message>
    <message>
        <source>The server does not have this call yet; sending it now…</source>
        <translation>Der Server hat dieses Gespräch noch nicht; es wird jetzt gesendet…</translation>
    </message>
</context>
<context>
    <name>callos::client::KeychainTokenStore</name>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation>Der Schlüsselbund des Systems ist nicht nutzbar: %1</translation>
    </message>
    <message>
        <source>No session is stored for this account.</source>
        <translation>Für dieses Konto ist keine Sitzung gespeichert.</translation>
    </message>
</context>
<context>
    <name>callos::client::LocalStore</name>
    <message>
        <source>no file name was given</source>
        <translation>es wurde kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>es ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>its folder %1 cannot be created</source>
        <translation>ihr Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the SQLite driver of Qt (QSQLITE) is not installed</source>
        <translation>der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert</translation>
    </message>
    <message>
        <source>it cannot use write-ahead logging (journal mode stays &quot;%1&quot;)</source>
        <translation>sie kann kein Write-Ahead-Logging verwenden (Journalmodus bleibt „%1“)</translation>
    </message>
    <message>
        <source>foreign key checks cannot be switched on</source>
        <translation>Fremdschlüsselprüfungen lassen sich nicht einschalten</translation>
    </message>
    <message>
        <source>the data version</source>
        <translation>Datenversion</translation>
    </message>
    <message>
        <source>applying data migration %1 (%2)</source>
        <translation>Anwenden der Datenmigration %1 (%2)</translation>
    </message>
</context>
<context>
    <name>callos::client::PlaybookCache</name>
    <message>
        <source>the server&apos;s playbook</source>
        <translation>das Playbook des Servers</translation>
    </message>
    <message>
        <source>The playbook from the server cannot be used, so the current one stays: %1</source>
        <translation>Das Playbook vom Server ist nicht verwendbar; das bisherige bleibt: %1</translation>
    </message>
    <message>
        <source>The playbook from the server cannot be kept in %1: %2</source>
        <translation>Das Playbook vom Server kann nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>callos::client::ProspectCache</name>
    <message numerus="yes">
        <source>keeping %n prospect(s) from the server</source>
        <translation>
            <numerusform>Speichern von %n Interessenten vom Server</numerusform>
            <numerusform>Speichern von %n Interessenten vom Server</numerusform>
        </translation>
    </message>
    <message>
        <source>prospect %1</source>
        <translation>Interessent %1</translation>
    </message>
</context>
<context>
    <name>callos::client::ProspectJson</name>
    <message>
        <source>A prospect from the server has no id.</source>
        <translation>Ein Interessent vom Server hat keine ID.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has no name.</source>
        <translation>Interessent %1 vom Server hat keinen Namen.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has a field of the wrong type.</source>
        <translation>Interessent %1 vom Server hat ein Feld mit falschem Typ.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has an impossible client count.</source>
        <translation>Interessent %1 vom Server hat eine unmögliche Kundenzahl.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has a client count that is not a number.</source>
        <translation>Interessent %1 vom Server hat eine Kundenzahl, die keine Zahl ist.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has an impossible revenue volatility.</source>
        <translation>Interessent %1 vom Server hat eine unmögliche Umsatzschwankung.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has a revenue volatility that is not a number.</source>
        <translation>Interessent %1 vom Server hat eine Umsatzschwankung, die keine Zahl ist.</translation>
    </message>
    <message>
        <source>Prospect %1 from the server has no update time.</source>
        <translation>Interessent %1 vom Server hat keinen Änderungszeitpunkt.</translation>
    </message>
</context>
<context>
    <name>callos::client::ProspectRepository</name>
    <message>
        <source>the prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <source>the prospects matching &quot;%1&quot;</source>
        <translation>Interessenten zu „%1“</translation>
    </message>
    <message>
        <source>prospect %1</source>
        <translation>Interessent %1</translation>
    </message>
    <message>
        <source>saving prospect %1</source>
        <translation>Speichern des Interessenten %1</translation>
    </message>
    <message>
        <source>adding the demo prospects</source>
        <translation>Anlegen der Demo-Interessenten</translation>
    </message>
    <message>
        <source>A prospect needs a name; nothing was saved.</source>
        <translation>Ein Interessent braucht einen Namen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The client count of %1 cannot be negative (%2); nothing was saved.</source>
        <translation>Die Kundenzahl von %1 kann nicht negativ sein (%2); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The revenue volatility of %1 must be between 0 and %2 percent; nothing was saved.</source>
        <translation>Die Umsatzschwankung von %1 muss zwischen 0 und %2 Prozent liegen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The Zoom link of %1 is not a web address (https://...): %2; nothing was saved.</source>
        <translation>Der Zoom-Link von %1 ist keine Webadresse (https://...): %2; es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>callos::client::RecordingUpload</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>%1 changed while it was being sent. Attach it again.</source>
        <translation>%1 hat sich während des Sendens geändert. Hängen Sie die Datei erneut an.</translation>
    </message>
    <message>
        <source>the upload&apos;s recording id</source>
        <translation>die Aufnahme-ID des Uploads</translation>
    </message>
</context>
<context>
    <name>callos::client::RefusedEvents</name>
    <message numerus="yes">
        <source>keeping %n event(s) the server refused</source>
        <translation>
            <numerusform>Aufbewahren von %n vom Server abgelehnten Ereignis</numerusform>
            <numerusform>Aufbewahren von %n vom Server abgelehnten Ereignissen</numerusform>
        </translation>
    </message>
    <message>
        <source>the events the server refused</source>
        <translation>die vom Server abgelehnten Ereignisse</translation>
    </message>
    <message>
        <source>the number of events the server refused</source>
        <translation>die Anzahl der vom Server abgelehnten Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>queueing %n refused event(s) to be sent again</source>
        <translation>
            <numerusform>erneutes Einreihen von %n abgelehnten Ereignis zum Senden</numerusform>
            <numerusform>erneutes Einreihen von %n abgelehnten Ereignissen zum Senden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keeping %n refused event(s) on this computer only</source>
        <translation>
            <numerusform>Behalten von %n abgelehnten Ereignis nur auf diesem Computer</numerusform>
            <numerusform>Behalten von %n abgelehnten Ereignissen nur auf diesem Computer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>callos::client::ServerAddress</name>
    <message>
        <source>Enter the address of your CallOS server, for example https://callos.example.com.</source>
        <translation>Geben Sie die Adresse Ihres CallOS-Servers ein, zum Beispiel https://callos.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use the form https://callos.example.com.</source>
        <translation>„%1“ ist keine Serveradresse. Verwenden Sie die Form https://callos.example.com.</translation>
    </message>
    <message>
        <source>A CallOS server is reached over https:// (or http:// on a local network), not %1://.</source>
        <translation>Ein CallOS-Server wird über https:// erreicht (oder http:// im lokalen Netz), nicht über %1://.</translation>
    </message>
    <message>
        <source>Leave the name and password out of the server address; enter them below.</source>
        <translation>Lassen Sie Name und Passwort aus der Serveradresse weg; geben Sie sie unten ein.</translation>
    </message>
</context>
<context>
    <name>callos::client::SessionTokenStore</name>
    <message>
        <source>No session is stored for this account.</source>
        <translation>Für dieses Konto ist keine Sitzung gespeichert.</translation>
    </message>
</context>
<context>
    <name>callos::client::StoreRefusals</name>
    <message>
        <source>the integrity check gave no answer</source>
        <translation>die Integritätsprüfung lieferte keine Antwort</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Cannot create or open the CallOS data file %1: %2.</source>
        <translation>Die CallOS-Datendatei %1 kann nicht angelegt oder geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>another program keeps it locked (%1)</source>
        <translation>ein anderes Programm hält sie gesperrt (%1)</translation>
    </message>
    <message>
        <source>the folder is missing or not writable, or the file is not readable (%1)</source>
        <translation>der Ordner fehlt oder ist nicht beschreibbar, oder die Datei ist nicht lesbar (%1)</translation>
    </message>
    <message>
        <source>The CallOS data file %1 is not a database: it is damaged or another kind of file. It was left unchanged; move it away or restore a backup, then start CallOS again.</source>
        <translation>Die CallOS-Datendatei %1 ist keine Datenbank: Sie ist beschädigt oder eine andere Art von Datei. Sie wurde nicht verändert; verschieben Sie sie oder stellen Sie eine Sicherung wieder her und starten Sie CallOS dann neu.</translation>
    </message>
    <message>
        <source>The CallOS data file %1 is damaged (%2). It was left unchanged; restore a backup or move it away, then start CallOS again.</source>
        <translation>Die CallOS-Datendatei %1 ist beschädigt (%2). Sie wurde nicht verändert; stellen Sie eine Sicherung wieder her oder verschieben Sie sie und starten Sie CallOS dann neu.</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a CallOS data file. It was left unchanged; choose another file.</source>
        <translation>%1 ist eine Datenbank eines anderen Programms, keine CallOS-Datendatei. Sie wurde nicht verändert; wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>The CallOS data file %1 was written by a newer CallOS (data version %2; this version reads up to %3). It was left unchanged; update CallOS to open it.</source>
        <translation>Die CallOS-Datendatei %1 stammt von einer neueren CallOS-Version (Datenversion %2; diese Version liest bis %3). Sie wurde nicht verändert; aktualisieren Sie CallOS, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>%1 failed in %2: %3</source>
        <translation>%1 in %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Could not read %1 from %2: %3.</source>
        <translation>Lesen aus %2 fehlgeschlagen (%1): %3.</translation>
    </message>
    <message>
        <source>There is no %1 in %2.</source>
        <translation>%1 ist in %2 nicht vorhanden.</translation>
    </message>
</context>
<context>
    <name>callos::client::SyncEngine</name>
    <message>
        <source>The server did not take prospect %1: %2</source>
        <translation>Der Server hat den Interessenten %1 nicht angenommen: %2</translation>
    </message>
    <message>
        <source>The server did not take call %1: %2</source>
        <translation>Der Server hat das Gespräch %1 nicht angenommen: %2</translation>
    </message>
    <message>
        <source>the lists of accepted and refused events</source>
        <translation>die Listen der angenommenen und abgelehnten Ereignisse</translation>
    </message>
    <message>
        <source>Refused by the server (%1).</source>
        <translation>Vom Server abgelehnt (%1).</translation>
    </message>
    <message>
        <source>an answer for the events that were sent</source>
        <translation>eine Antwort zu den gesendeten Ereignissen</translation>
    </message>
    <message>
        <source>The prospects cannot be fetched from the server: %1</source>
        <translation>Die Interessenten können nicht vom Server geholt werden: %1</translation>
    </message>
    <message>
        <source>the list of prospects</source>
        <translation>die Liste der Interessenten</translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) from the server could not be read.</source>
        <translation>
            <numerusform>%n Interessent vom Server konnte nicht gelesen werden.</numerusform>
            <numerusform>%n Interessenten vom Server konnten nicht gelesen werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) from the server cannot be stored here.</source>
        <translation>
            <numerusform>%n Interessent vom Server kann hier nicht gespeichert werden.</numerusform>
            <numerusform>%n Interessenten vom Server können hier nicht gespeichert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The playbook cannot be fetched from the server: %1</source>
        <translation>Das Playbook kann nicht vom Server geholt werden: %1</translation>
    </message>
</context>
<context>
    <name>callos::client::SyncOutbox</name>
    <message>
        <source>the prospects waiting to be sent</source>
        <translation>die zu sendenden Interessenten</translation>
    </message>
    <message>
        <source>noting that prospect %1 was sent</source>
        <translation>Vermerken, dass Interessent %1 gesendet wurde</translation>
    </message>
    <message>
        <source>the calls waiting to be sent</source>
        <translation>die zu sendenden Gespräche</translation>
    </message>
    <message>
        <source>noting that call %1 was sent</source>
        <translation>Vermerken, dass Gespräch %1 gesendet wurde</translation>
    </message>
    <message>
        <source>the events waiting to be sent</source>
        <translation>zu sendende Ereignisse</translation>
    </message>
    <message>
        <source>event %1 is not valid JSON (%2)</source>
        <translation>Ereignis %1 ist kein gültiges JSON (%2)</translation>
    </message>
    <message>
        <source>the number of changes waiting to be sent</source>
        <translation>die Anzahl der zu sendenden Änderungen</translation>
    </message>
</context>
<context>
    <name>callos::client::ViewerShare</name>
    <message>
        <source>Signing in… Slides can be shared once you are signed in.</source>
        <translation>Anmeldung läuft… Folien können geteilt werden, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>Your session with the server ended. Sign in again (Account → Sign in…) to share slides in a browser.</source>
        <translation>Ihre Sitzung beim Server ist beendet. Melden Sie sich erneut an (Konto → Anmelden…), um Folien im Browser zu teilen.</translation>
    </message>
    <message>
        <source>No CallOS server is set up. Sign in to your team&apos;s server first (Account → Sign in…).</source>
        <translation>Es ist kein CallOS-Server eingerichtet. Melden Sie sich zuerst beim Server Ihres Teams an (Konto → Anmelden…).</translation>
    </message>
    <message>
        <source>You are signed out. Sign in (Account → Sign in…) to share slides in a browser.</source>
        <translation>Sie sind abgemeldet. Melden Sie sich an (Konto → Anmelden…), um Folien im Browser zu teilen.</translation>
    </message>
    <message>
        <source>Start or resume a call first: only a running call&apos;s slides can be shared.</source>
        <translation>Starten Sie zuerst ein Gespräch oder setzen Sie eines fort: Nur die Folien eines laufenden Gesprächs können geteilt werden.</translation>
    </message>
    <message>
        <source>a viewer link</source>
        <translation>ein Link für den Browser</translation>
    </message>
    <message>
        <source>The server does not have this call yet; sending it now…</source>
        <translation>Der Server hat dieses Gespräch noch nicht; es wird jetzt gesendet…</translation>
    </message>
    <message>
        <source>The server still does not know this call, so there is no link yet. Check the sync in the status bar (F5 syncs now), then try again.</source>
        <translation>Der Server kennt dieses Gespräch noch nicht, daher gibt es noch keinen Link. Prüfen Sie die Synchronisierung in der Statusleiste (F5 synchronisiert sofort) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>This call has ended on the server, so its slides can no longer be shared.</source>
        <translation>Dieses Gespräch ist auf dem Server beendet; seine Folien können nicht mehr geteilt werden.</translation>
    </message>
    <message>
        <source>No link could be made: %1</source>
        <translation>Es konnte kein Link erstellt werden: %1</translation>
    </message>
    <message>
        <source>Viewer not updating: the slide could not be made into a picture.</source>
        <translation>Browser wird nicht aktualisiert: Aus der Folie konnte kein Bild erstellt werden.</translation>
    </message>
    <message>
        <source>The call has ended on the server, and the link with it.</source>
        <translation>Das Gespräch ist auf dem Server beendet und mit ihm der Link.</translation>
    </message>
    <message>
        <source>Viewer not updating: offline. It catches up as soon as the server can be reached.</source>
        <translation>Browser wird nicht aktualisiert: offline. Er holt auf, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Viewer not updating: %1</source>
        <translation>Browser wird nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>Sharing stopped here, but the server could not be told (%1). The link ends with the call.</source>
        <translation>Das Teilen ist hier beendet, aber der Server konnte nicht benachrichtigt werden (%1). Der Link endet mit dem Gespräch.</translation>
    </message>
    <message>
        <source>The call has ended, and sharing with it.</source>
        <translation>Das Gespräch ist beendet und damit auch das Teilen.</translation>
    </message>
    <message>
        <source>Another call was opened, so sharing stopped.</source>
        <translation>Ein anderes Gespräch wurde geöffnet, daher wurde das Teilen beendet.</translation>
    </message>
    <message>
        <source>You are no longer signed in, so the slides are not sent. The link ends with the call.</source>
        <translation>Sie sind nicht mehr angemeldet, daher werden keine Folien gesendet. Der Link endet mit dem Gespräch.</translation>
    </message>
</context>
<context>
    <name>callos::client::WriteTransaction</name>
    <message>
        <source>the change was already abandoned</source>
        <translation>die Änderung wurde bereits verworfen</translation>
    </message>
    <message>
        <source>simulated write failure (write %1)</source>
        <translation>simulierter Schreibfehler (Schreibvorgang %1)</translation>
    </message>
    <message>
        <source>simulated write failure at commit (write %1)</source>
        <translation>simulierter Schreibfehler beim Commit (Schreibvorgang %1)</translation>
    </message>
</context>
<context>
    <name>callos::ui::CallPage</name>
    <message>
        <source>Objection (Ctrl+O)</source>
        <translation>Einwand (Strg+O)</translation>
    </message>
    <message>
        <source>Complete milestone (Ctrl+Enter)</source>
        <translation>Meilenstein abschließen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Complete anyway</source>
        <translation>Trotzdem abschließen</translation>
    </message>
    <message>
        <source>Skip and go</source>
        <translation>Überspringen und wechseln</translation>
    </message>
</context>
<context>
    <name>callos::ui::DecisionPanel</name>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Folgetermin am</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Grund auswählen…</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Next step in their words (optional)</source>
        <translation>Nächster Schritt in Worten des Interessenten (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>End call (Ctrl+Shift+Enter)</source>
        <translation>Gespräch beenden (Strg+Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>Erfasst: %1</translation>
    </message>
    <message>
        <source>follow-up %1</source>
        <translation>Folgetermin %1</translation>
    </message>
    <message>
        <source>End call anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <source>Record decision (Ctrl+D)</source>
        <translation>Entscheidung erfassen (Strg+D)</translation>
    </message>
</context>
<context>
    <name>callos::ui::EventTypeLabels</name>
    <message>
        <source>Started the call</source>
        <translation>Gespräch begonnen</translation>
    </message>
    <message>
        <source>Checked the qualification</source>
        <translation>Qualifizierung geprüft</translation>
    </message>
    <message>
        <source>Changed a checklist item</source>
        <translation>Checklistenpunkt geändert</translation>
    </message>
    <message>
        <source>Filled in a field</source>
        <translation>Feld ausgefüllt</translation>
    </message>
    <message>
        <source>Edited a note</source>
        <translation>Notiz bearbeitet</translation>
    </message>
    <message>
        <source>Changed a confirmation</source>
        <translation>Bestätigung geändert</translation>
    </message>
    <message>
        <source>Moved to a milestone</source>
        <translation>Zu einem Meilenstein gewechselt</translation>
    </message>
    <message>
        <source>Completed a milestone</source>
        <translation>Meilenstein abgeschlossen</translation>
    </message>
    <message>
        <source>Skipped a milestone</source>
        <translation>Meilenstein übersprungen</translation>
    </message>
    <message>
        <source>Showed a slide</source>
        <translation>Folie gezeigt</translation>
    </message>
    <message>
        <source>Raised an objection</source>
        <translation>Einwand erfasst</translation>
    </message>
    <message>
        <source>Answered a diagnostic question</source>
        <translation>Diagnosefrage beantwortet</translation>
    </message>
    <message>
        <source>Recorded how an objection ended</source>
        <translation>Ausgang eines Einwands festgehalten</translation>
    </message>
    <message>
        <source>Recorded the decision</source>
        <translation>Entscheidung festgehalten</translation>
    </message>
    <message>
        <source>Completed the call</source>
        <translation>Gespräch abgeschlossen</translation>
    </message>
    <message>
        <source>Recorded consent</source>
        <translation>Einwilligung festgehalten</translation>
    </message>
    <message>
        <source>Another change (%1)</source>
        <extracomment>%1 is the event&apos;s technical name, e.g. MilestoneEntered.</extracomment>
        <translation>Andere Änderung (%1)</translation>
    </message>
</context>
<context>
    <name>callos::ui::FieldEditor</name>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Required to complete this milestone</source>
        <translation>Erforderlich, um diesen Meilenstein abzuschließen</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>an amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>a percentage</source>
        <translation>Prozentwert</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
</context>
<context>
    <name>callos::ui::MainWindow</name>
    <message>
        <source>CallOS</source>
        <translation>CallOS</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Gespräch %1</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Präsentation</translation>
    </message>
    <message>
        <source>Share slides in a browser…</source>
        <translation>Folien im Browser teilen…</translation>
    </message>
    <message>
        <source>Browser: making the link…</source>
        <translation>Browser: Link wird erstellt…</translation>
    </message>
    <message>
        <source>Browser: live</source>
        <translation>Browser: live</translation>
    </message>
    <message>
        <source>Browser: not updating</source>
        <translation>Browser: nicht aktuell</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>K&amp;onto</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Changes the server refused…</source>
        <translation>Vom Server abgelehnte Änderungen…</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>%1 abmelden</translation>
    </message>
</context>
<context>
    <name>callos::ui::MilestoneRail</name>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>now</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>blocked (advisory)</source>
        <translation>gesperrt (Beratung)</translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation>%1 überzogen</translation>
    </message>
    <message>
        <source>Alt+%1: go to %2</source>
        <translation>Alt+%1: zu %2 wechseln</translation>
    </message>
</context>
<context>
    <name>callos::ui::MilestoneView</name>
    <message>
        <source>Script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Numbers and answers</source>
        <translation>Zahlen und Antworten</translation>
    </message>
    <message>
        <source>Confirmed by the prospect</source>
        <translation>Vom Interessenten bestätigt</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Notes for this milestone (saved as you type)</source>
        <translation>Notizen zu diesem Meilenstein (werden beim Tippen gespeichert)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>callos::ui::ObjectionPanel</name>
    <message>
        <source>Ask, listen, note. Diagnostic questions only: no rebuttals, no persuasion.</source>
        <translation>Fragen, zuhören, notieren. Nur Diagnosefragen: keine Gegenargumente, keine Überredung.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What was agreed (optional)</source>
        <translation>Was wurde vereinbart? (optional)</translation>
    </message>
    <message>
        <source>Resolved (Ctrl+1)</source>
        <translation>Ausgeräumt (Strg+1)</translation>
    </message>
    <message>
        <source>Deferred: follow up (Ctrl+2)</source>
        <translation>Zurückgestellt: nachfassen (Strg+2)</translation>
    </message>
    <message>
        <source>Disqualified (Ctrl+3)</source>
        <translation>Disqualifiziert (Strg+3)</translation>
    </message>
    <message>
        <source>Objection: what did they raise?</source>
        <translation>Einwand: Was bringt der Interessent vor?</translation>
    </message>
    <message>
        <source>Press the number, or click. Esc goes back to the call.</source>
        <translation>Drücken Sie die Zahl oder klicken Sie. Esc führt zurück zum Gespräch.</translation>
    </message>
    <message>
        <source>Back to the call (Esc)</source>
        <translation>Zurück zum Gespräch (Esc)</translation>
    </message>
    <message>
        <source>%1 objection · raised in %2</source>
        <translation>Einwand „%1“ · erhoben in %2</translation>
    </message>
    <message>
        <source>Their answer, in their words</source>
        <translation>Antwort in den Worten des Interessenten</translation>
    </message>
</context>
<context>
    <name>callos::ui::PrecallPage</name>
    <message>
        <source>Prospect (correct anything that changed)</source>
        <translation>Interessent (Angaben ggf. aktualisieren)</translation>
    </message>
    <message>
        <source>Pre-call checklist</source>
        <translation>Checkliste vor dem Gespräch</translation>
    </message>
    <message>
        <source>* required before the call begins</source>
        <translation>* vor Gesprächsbeginn erforderlich</translation>
    </message>
    <message>
        <source>Begin call (Ctrl+Enter)</source>
        <translation>Gespräch beginnen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Before the call: %1, %2</source>
        <translation>Vor dem Gespräch: %1, %2</translation>
    </message>
    <message>
        <source>Begin anyway</source>
        <translation>Trotzdem beginnen</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation>Fragen Sie: „%1“</translation>
    </message>
    <message>
        <source>The prospect agreed to be recorded</source>
        <translation>Der Interessent hat der Aufzeichnung zugestimmt</translation>
    </message>
    <message>
        <source>Is it all right if I record this call? It helps me listen to you instead of taking notes, and the recording stays within our team.</source>
        <translation>Ist es in Ordnung, wenn ich dieses Gespräch aufzeichne? So kann ich Ihnen zuhören, statt mitzuschreiben, und die Aufzeichnung bleibt in unserem Team.</translation>
    </message>
</context>
<context>
    <name>callos::ui::PresenterPanel</name>
    <message>
        <source>Client sees now</source>
        <translation>Kunde sieht jetzt</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Page Up, Left</source>
        <translation>Bild auf, Pfeil links</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Page Down, Right, Space</source>
        <translation>Bild ab, Pfeil rechts, Leertaste</translation>
    </message>
    <message>
        <source>Black (B)</source>
        <translation>Schwarz (B)</translation>
    </message>
    <message>
        <source>Freeze (F)</source>
        <translation>Einfrieren (F)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Jump to each milestone&apos;s first slide</source>
        <translation>Zur ersten Folie jedes Meilensteins springen</translation>
    </message>
    <message>
        <source>Presentation window (share this in Zoom)</source>
        <translation>Präsentationsfenster (in Zoom teilen)</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3×%4)</source>
        <translation>Bildschirm %1: %2 (%3×%4)</translation>
    </message>
    <message>
        <source>Black screen</source>
        <translation>Schwarzer Bildschirm</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>End of deck</source>
        <translation>Ende des Foliensatzes</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>Folie %1 von %2</translation>
    </message>
    <message>
        <source>Hide presentation window (Ctrl+P)</source>
        <translation>Präsentationsfenster ausblenden (Strg+P)</translation>
    </message>
    <message>
        <source>Show presentation window (Ctrl+P)</source>
        <translation>Präsentationsfenster einblenden (Strg+P)</translation>
    </message>
</context>
<context>
    <name>callos::ui::ReasonPrompt</name>
    <message>
        <source>Reason (recorded with the call)</source>
        <translation>Grund (wird mit dem Gespräch gespeichert)</translation>
    </message>
</context>
<context>
    <name>callos::ui::RefusedEventsDialog</name>
    <message>
        <source>Changes the server refused</source>
        <translation>Vom Server abgelehnte Änderungen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation>Warum der Server sie abgelehnt hat</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Queue the selected changes to be sent with the next sync.</source>
        <translation>Die ausgewählten Änderungen mit der nächsten Synchronisierung erneut senden.</translation>
    </message>
    <message>
        <source>Keep on this computer only</source>
        <translation>Nur auf diesem Computer behalten</translation>
    </message>
    <message>
        <source>The selected changes stay in this computer&apos;s call history and are not sent again.</source>
        <translation>Die ausgewählten Änderungen bleiben im Gesprächsverlauf dieses Computers und werden nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>The server has taken every change. Nothing waits for you here.</source>
        <translation>Der Server hat jede Änderung angenommen. Hier wartet nichts auf Sie.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) stay on this computer until you decide: send them again, or keep them here only. Nothing is deleted either way.</source>
        <translation>
            <numerusform>%n Änderung bleibt auf diesem Computer, bis Sie entscheiden: erneut senden oder nur hier behalten. Gelöscht wird in keinem Fall etwas.</numerusform>
            <numerusform>%n Änderungen bleiben auf diesem Computer, bis Sie entscheiden: erneut senden oder nur hier behalten. Gelöscht wird in keinem Fall etwas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>callos::ui::ReviewPanel</name>
    <message>
        <source>After the call</source>
        <translation>Nach dem Gespräch</translation>
    </message>
    <message>
        <source>&amp;Retry failed step</source>
        <translation>Fehlgeschlagenen Schritt &amp;wiederholen</translation>
    </message>
    <message>
        <source>Follow-up e-mail</source>
        <translation>Folge-E-Mail</translation>
    </message>
    <message>
        <source>Copy &amp;e-mail</source>
        <translation>&amp;E-Mail kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Asking the server where the recording and its analysis stand…</source>
        <translation>Frage den Server, wie weit Aufnahme und Analyse sind…</translation>
    </message>
    <message>
        <source>The server cannot be asked now (%1). Trying again…</source>
        <translation>Der Server ist gerade nicht erreichbar (%1). Neuer Versuch folgt…</translation>
    </message>
    <message>
        <source>Starting the failed step again…</source>
        <translation>Der fehlgeschlagene Schritt wird neu gestartet…</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe eines Grundes</translation>
    </message>
    <message>
        <source>Nothing is recorded: the prospect&apos;s consent to record was not given.</source>
        <translation>Es wird nichts aufgezeichnet: Der Interessent hat der Aufnahme nicht zugestimmt.</translation>
    </message>
    <message>
        <source>Waiting for the recording. Zoom sends it a few minutes after the meeting ends.</source>
        <translation>Warte auf die Aufnahme. Zoom sendet sie einige Minuten nach dem Ende des Meetings.</translation>
    </message>
    <message>
        <source>%1 will be tried again: %2</source>
        <translation>%1 wird erneut versucht: %2</translation>
    </message>
    <message>
        <source>Transcript: %1.</source>
        <translation>Transkript: %1.</translation>
    </message>
    <message>
        <source>Analysis: %1.</source>
        <translation>Analyse: %1.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Decision readiness</source>
        <translation>Entscheidungsreife</translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <translation>%1 / 100</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>Risikohinweise</translation>
    </message>
    <message>
        <source>None found.</source>
        <translation>Keine gefunden.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>Feedback for you</source>
        <translation>Rückmeldung für Sie</translation>
    </message>
    <message>
        <source>Went well</source>
        <translation>Gut gelaufen</translation>
    </message>
    <message>
        <source>To work on</source>
        <translation>Daran arbeiten</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>wird wiederholt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>offline, pocketsphinx</source>
        <translation>offline, pocketsphinx</translation>
    </message>
    <message>
        <source>AssemblyAI</source>
        <translation>AssemblyAI</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>rule-based</source>
        <translation>regelbasiert</translation>
    </message>
    <message>
        <source>High:</source>
        <translation>Hoch:</translation>
    </message>
    <message>
        <source>Medium:</source>
        <translation>Mittel:</translation>
    </message>
    <message>
        <source>Low:</source>
        <translation>Niedrig:</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>vertagt</translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation>disqualifiziert</translation>
    </message>
    <message>
        <source>not addressed</source>
        <translation>nicht behandelt</translation>
    </message>
    <message>
        <source>Working on it. %1: %2.</source>
        <translation>In Arbeit. %1: %2.</translation>
    </message>
    <message>
        <source>Recorded on another device or in another meeting tool? Send the audio file.</source>
        <translation>Auf einem anderen Gerät oder mit einem anderen Meeting-Programm aufgenommen? Senden Sie die Audiodatei.</translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation>Senden abbrechen</translation>
    </message>
    <message>
        <source>Sending %1: %2 of %3</source>
        <translation>%1 wird gesendet: %2 von %3</translation>
    </message>
    <message>
        <source>Sending %1 paused at %2 of %3 (%4). Trying again…</source>
        <translation>Senden von %1 bei %2 von %3 unterbrochen (%4). Neuer Versuch…</translation>
    </message>
    <message>
        <source>%1 sent (%2). The server stores it, then transcribes it.</source>
        <translation>%1 gesendet (%2). Der Server speichert die Aufnahme und transkribiert sie dann.</translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 wurde nicht gesendet: %2</translation>
    </message>
    <message>
        <source>Attach the call&apos;s recording</source>
        <translation>Aufnahme des Gesprächs anhängen</translation>
    </message>
    <message>
        <source>Recordings (%1)</source>
        <translation>Aufnahmen (%1)</translation>
    </message>
    <message>
        <source>Waiting for the recording you attached.</source>
        <translation>Warten auf die angehängte Aufnahme.</translation>
    </message>
    <message>
        <source>Attac&amp;h recording…</source>
        <translation>Aufnahme an&amp;hängen…</translation>
    </message>
    <message>
        <source>The meeting bot could not record the call: %1. Attach a recording made elsewhere, if there is one.</source>
        <translation>Der Meeting-Bot konnte das Gespräch nicht aufnehmen: %1. Hängen Sie eine anderswo gemachte Aufnahme an, falls es eine gibt.</translation>
    </message>
    <message>
        <source>The meeting bot: %1. The recording follows when the meeting has ended.</source>
        <translation>Der Meeting-Bot: %1. Die Aufnahme folgt, wenn das Meeting beendet ist.</translation>
    </message>
    <message>
        <source>asked to join</source>
        <translation>zur Teilnahme aufgefordert</translation>
    </message>
    <message>
        <source>joining the meeting</source>
        <translation>tritt dem Meeting bei</translation>
    </message>
    <message>
        <source>in the meeting</source>
        <translation>im Meeting</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>nimmt auf</translation>
    </message>
    <message>
        <source>leaving the meeting</source>
        <translation>verlässt das Meeting</translation>
    </message>
    <message>
        <source>left the meeting</source>
        <translation>hat das Meeting verlassen</translation>
    </message>
    <message>
        <source>bot %1</source>
        <translation>Bot %1</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>meeting bot</source>
        <translation>Meeting-Bot</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>hochgeladen</translation>
    </message>
</context>
<context>
    <name>callos::ui::SignInDialog</name>
    <message>
        <source>Sign in to CallOS</source>
        <translation>Bei CallOS anmelden</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s server</source>
        <translation>Beim Server Ihres Teams anmelden</translation>
    </message>
    <message>
        <source>Your calls stay on this computer and are sent to the server whenever it can be reached. Signing in or out never deletes anything here.</source>
        <translation>Ihre Gespräche bleiben auf diesem Computer und werden an den Server gesendet, sobald er erreichbar ist. An- oder Abmelden löscht hier nie etwas.</translation>
    </message>
    <message>
        <source>Your session ended (%1). Sign in again to go on syncing; everything on this computer is kept.</source>
        <translation>Ihre Sitzung ist beendet (%1). Melden Sie sich erneut an, um weiter zu synchronisieren; alles auf diesem Computer bleibt erhalten.</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@beispiel.de</translation>
    </message>
    <message>
        <source>6 digits, or a recovery code</source>
        <translation>6 Ziffern oder ein Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>Authenticator-Code</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signing in failed (%1).</source>
        <translation>Die Anmeldung ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>This account uses two-step sign-in. Enter the 6-digit code from your authenticator app, or one of your recovery codes.</source>
        <translation>Dieses Konto meldet sich in zwei Schritten an. Geben Sie den 6-stelligen Code Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.</translation>
    </message>
</context>
<context>
    <name>callos::ui::StartPage</name>
    <message>
        <source>Prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <source>Search name or company (Ctrl+F)</source>
        <translation>Name oder Firma suchen (Strg+F)</translation>
    </message>
    <message>
        <source>New prospect (Ctrl+N)</source>
        <translation>Neuer Interessent (Strg+N)</translation>
    </message>
    <message>
        <source>Start a call</source>
        <translation>Gespräch starten</translation>
    </message>
    <message>
        <source>active clients today</source>
        <translation>aktive Kunden heute</translation>
    </message>
    <message>
        <source>% revenue swings month to month</source>
        <translation>% Umsatzschwankung von Monat zu Monat</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <source>Client c&amp;ount</source>
        <translation>&amp;Kundenzahl</translation>
    </message>
    <message>
        <source>Revenue &amp;volatility</source>
        <translation>&amp;Umsatzschwankung</translation>
    </message>
    <message>
        <source>Main &amp;pain points</source>
        <translation>&amp;Hauptprobleme</translation>
    </message>
    <message>
        <source>&amp;Zoom link</source>
        <translation>&amp;Zoom-Link</translation>
    </message>
    <message>
        <source>Start call (Ctrl+Enter)</source>
        <translation>Gespräch starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Unfinished calls</source>
        <translation>Offene Gespräche</translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation>Letzte Gespräche</translation>
    </message>
    <message>
        <source>Unfinished calls (%1)</source>
        <translation>Offene Gespräche (%1)</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 Kunden</translation>
    </message>
    <message>
        <source>clients unknown</source>
        <translation>Kundenzahl unbekannt</translation>
    </message>
    <message>
        <source>Type the prospect&apos;s name.</source>
        <translation>Geben Sie den Namen des Interessenten ein.</translation>
    </message>
    <message>
        <source>Client count must be a whole number, such as 620.</source>
        <translation>Die Kundenzahl muss eine ganze Zahl sein, z. B. 620.</translation>
    </message>
    <message>
        <source>Revenue volatility is a percentage from 0 to 100, such as 18.</source>
        <translation>Die Umsatzschwankung ist ein Prozentwert von 0 bis 100, z. B. 18.</translation>
    </message>
    <message>
        <source>Resume selected call (Ctrl+R)</source>
        <translation>Ausgewähltes Gespräch fortsetzen (Strg+R)</translation>
    </message>
    <message>
        <source>Your call with %1 was interrupted. Resume it exactly where you left off: Ctrl+R.</source>
        <translation>Ihr Gespräch mit %1 wurde unterbrochen. Mit Strg+R setzen Sie es genau dort fort, wo Sie aufgehört haben.</translation>
    </message>
</context>
<context>
    <name>callos::ui::SummaryPage</name>
    <message>
        <source>Call summary</source>
        <translation>Gesprächszusammenfassung</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>Zusammenfassung kopieren</translation>
    </message>
    <message>
        <source>Back to start (Ctrl+Enter)</source>
        <translation>Zurück zum Start (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Advisory-only call</source>
        <translation>Reines Beratungsgespräch</translation>
    </message>
    <message>
        <source>follow-up %1</source>
        <translation>Folgetermin %1</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Deferred objections need a follow-up.</source>
        <translation>Zurückgestellte Einwände brauchen einen Folgetermin.</translation>
    </message>
    <message>
        <source>Call length %1</source>
        <translation>Gesprächsdauer %1</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>Meilensteine</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>blocked (advisory only)</source>
        <translation>gesperrt (reine Beratung)</translation>
    </message>
    <message>
        <source>not completed</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Completed with items open: %1</source>
        <translation>Mit offenen Punkten abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>noch offen</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>ausgeräumt</translation>
    </message>
    <message>
        <source>deferred: follow up</source>
        <translation>zurückgestellt: nachfassen</translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation>disqualifiziert</translation>
    </message>
</context>
<context>
    <name>callos::ui::SyncStatusWidget</name>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Nur lokal</translation>
    </message>
    <message>
        <source>Calls are kept on this computer. Sign in to a CallOS server to sync them (Ctrl+Shift+L).</source>
        <translation>Gespräche bleiben auf diesem Computer. Melden Sie sich bei einem CallOS-Server an, um sie zu synchronisieren (Strg+Umschalt+L).</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message numerus="yes">
        <source>Your session on %1 ended: %2
%n change(s) wait on this computer; nothing is lost. Sign in again to send them.</source>
        <translation>
            <numerusform>Ihre Sitzung auf %1 ist beendet: %2
%n Änderung wartet auf diesem Computer; nichts geht verloren. Melden Sie sich erneut an, um sie zu senden.</numerusform>
            <numerusform>Ihre Sitzung auf %1 ist beendet: %2
%n Änderungen warten auf diesem Computer; nichts geht verloren. Melden Sie sich erneut an, um sie zu senden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Keine Synchronisierung</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n waiting</source>
        <translation>
            <numerusform>Offline · %n wartet</numerusform>
            <numerusform>Offline · %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1
Everything is kept on this computer and sent when %2 can be reached.</source>
        <translation>%1
Alles bleibt auf diesem Computer und wird gesendet, sobald %2 erreichbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n…</source>
        <translation>
            <numerusform>Synchronisiere %n…</numerusform>
            <numerusform>Synchronisiere %n…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Sending changes to %1 and fetching prospects and the playbook.</source>
        <translation>Sende Änderungen an %1 und hole Interessenten und das Playbook.</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Everything on this computer is on %1 (%2, signed in as %3).</source>
        <translation>Alles auf diesem Computer ist auf %1 (%2, angemeldet als %3).</translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation>Synchronisierungsfehler: %1</translation>
    </message>
    <message>
        <source>Next try at %1 (F5 tries now).</source>
        <translation>Nächster Versuch um %1 (F5 versucht es sofort).</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s). Click to see why and decide.</source>
        <translation>
            <numerusform>Der Server hat %n Änderung abgelehnt. Klicken Sie, um den Grund zu sehen und zu entscheiden.</numerusform>
            <numerusform>Der Server hat %n Änderungen abgelehnt. Klicken Sie, um die Gründe zu sehen und zu entscheiden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>callos::ui::ViewerShareDialog</name>
    <message>
        <source>Share slides in a browser</source>
        <translation>Folien im Browser teilen</translation>
    </message>
    <message>
        <source>The prospect sees only the slides, the same as your presentation window, until the call ends.</source>
        <translation>Der Interessent sieht nur die Folien, genau wie in Ihrem Präsentationsfenster, bis das Gespräch endet.</translation>
    </message>
    <message>
        <source>Link for the prospect</source>
        <translation>Link für den Interessenten</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>Teilen &amp;beenden</translation>
    </message>
    <message>
        <source>Share &amp;again</source>
        <translation>&amp;Erneut teilen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Making the link…</source>
        <translation>Link wird erstellt…</translation>
    </message>
    <message>
        <source>No link</source>
        <translation>Kein Link</translation>
    </message>
    <message>
        <source>Live: the browser shows the slide your presentation window shows.</source>
        <translation>Live: Der Browser zeigt dieselbe Folie wie Ihr Präsentationsfenster.</translation>
    </message>
    <message>
        <source>Not sharing. The link no longer opens the slides.</source>
        <translation>Es wird nicht geteilt. Der Link öffnet die Folien nicht mehr.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CallOS: guided sales calls.</source>
        <translation>CallOS: geführte Verkaufsgespräche.</translation>
    </message>
    <message>
        <source>Folder for the local store and settings.</source>
        <translation>Ordner für lokale Daten und Einstellungen.</translation>
    </message>
    <message>
        <source>Playbook JSON file.</source>
        <translation>Playbook-Datei (JSON).</translation>
    </message>
    <message>
        <source>Slide deck (deck.json).</source>
        <translation>Foliensatz (deck.json).</translation>
    </message>
    <message>
        <source>Language (en, de); default: the system&apos;s.</source>
        <translation>Sprache (en, de); Standard: Systemsprache.</translation>
    </message>
    <message>
        <source>Write PNGs of every screen to &lt;dir&gt; and quit.</source>
        <translation>PNGs aller Ansichten nach &lt;dir&gt; schreiben und beenden.</translation>
    </message>
    <message>
        <source>Play a scripted call (resuming an unfinished one), print committed events, quit.</source>
        <translation>Geskriptetes Gespräch abspielen (ein offenes fortsetzen), gespeicherte Ereignisse ausgeben, beenden.</translation>
    </message>
    <message>
        <source>Milliseconds between scripted steps.</source>
        <translation>Millisekunden zwischen geskripteten Schritten.</translation>
    </message>
    <message>
        <source>The playbook cannot be used</source>
        <translation>Das Playbook kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The slide deck cannot be used</source>
        <translation>Der Foliensatz kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>CallOS cannot open its data</source>
        <translation>CallOS kann seine Daten nicht öffnen</translation>
    </message>
    <message>
        <source>Report first paint and memory with a call running, then quit (bench_startup).</source>
        <translation>Erste Darstellung und Speicherbedarf bei laufendem Gespräch melden, dann beenden (bench_startup).</translation>
    </message>
    <message>
        <source>CallOS server address for signing in (e.g. http://127.0.0.1:8080).</source>
        <translation>Adresse des CallOS-Servers für die Anmeldung (z. B. http://127.0.0.1:8080).</translation>
    </message>
    <message>
        <source>E-mail address for signing in.</source>
        <translation>E-Mail-Adresse für die Anmeldung.</translation>
    </message>
    <message>
        <source>Sign in at start with the password read from stdin (scripts).</source>
        <translation>Beim Start mit dem Passwort von der Standardeingabe anmelden (Skripte).</translation>
    </message>
    <message>
        <source>The playbook from the server is not used: %1</source>
        <translation>Das Playbook vom Server wird nicht verwendet: %1</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Die Anmeldung ist fehlgeschlagen: %1</translation>
    </message>
</context>
</TS>
