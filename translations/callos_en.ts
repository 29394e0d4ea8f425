<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>callos::CallEventCodec</name>
    <message>
        <source>This event was written by a newer CallOS (schema %1; this version reads %2). Update CallOS.</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed event: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed event: %1 at byte %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed event: must be a JSON object</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::CallReducer</name>
    <message>
        <source>Malformed %1 event: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>This event uses schema %1; this CallOS reads schema %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Unknown event type &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Malformed %1 event: id, callId, deviceId, seq and at are required.</source>
        <translation></translation>
    </message>
    <message>
        <source>The call has not started yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>This event belongs to call %1, not to call %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>The call has already started.</source>
        <translation></translation>
    </message>
    <message>
        <source>The call is completed; nothing more can be recorded.</source>
        <translation></translation>
    </message>
    <message>
        <source>Event %1 from device %2 is out of order (seq %3 after %4).</source>
        <translation></translation>
    </message>
    <message>
        <source>This can only be done during a call.</source>
        <translation></translation>
    </message>
    <message>
        <source>Begin the call first: finish the pre-call checklist and enter the first milestone.</source>
        <translation></translation>
    </message>
    <message>
        <source>Finish the open %1 objection first: classify it as resolved, deferred or disqualified.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no milestone &apos;%1&apos; in this playbook.</source>
        <translation></translation>
    </message>
    <message>
        <source>Advisory-only call: %1 is part of the coaching pitch and is disabled.</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>This call uses playbook %1 version %2, but %3 version %4 is loaded.</source>
        <translation></translation>
    </message>
    <message>
        <source>The playbook has no field &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>The recorded gate verdict does not match the call&apos;s %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The pre-call checklist has no item &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 has no checklist item &apos;%2&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>is required (null clears the field)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation></translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters per milestone.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 has no confirmation &apos;%2&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>You are already in %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 comes later: complete or skip the milestones before it first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Pre-call checklist still open: %1. Tick them, or give a reason to begin anyway.</source>
        <translation></translation>
    </message>
    <message>
        <source>Only the current milestone can be completed; you are not in %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Record the decision (proceed, pause or decline) before completing %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Still open in %1: %2. Complete them, or give a reason to move on anyway.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 cannot be skipped: every call ends with a decision.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is already done.</source>
        <translation></translation>
    </message>
    <message>
        <source>Say why you are skipping %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>The playbook has no objection type &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no open objection %1 to answer.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 has no diagnostic question &apos;%2&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>Notes are limited to %1 characters.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no open objection %1 to classify.</source>
        <translation></translation>
    </message>
    <message>
        <source>An objection ends as resolved, deferred or disqualified, not &apos;%1&apos;.</source>
        <translation></translation>
    </message>
    <message>
        <source>The decision is recorded in %1; you are not there yet.</source>
        <translation></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a decision option of this playbook.</source>
        <translation></translation>
    </message>
    <message>
        <source>A decline needs a reason: pick one of the disqualification reasons.</source>
        <translation></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the disqualification reasons.</source>
        <translation></translation>
    </message>
    <message>
        <source>A pause needs a follow-up date and time.</source>
        <translation></translation>
    </message>
    <message>
        <source>The follow-up must be in the future.</source>
        <translation></translation>
    </message>
    <message>
        <source>Record the decision before ending the call.</source>
        <translation></translation>
    </message>
    <message>
        <source>Complete %1 before ending the call.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::CallSession</name>
    <message>
        <source>Could not save: %1. Nothing was changed; try again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Begin the call first: finish the pre-call checklist and enter the first milestone.</source>
        <translation></translation>
    </message>
    <message>
        <source>Going to %1 skips %2. Say why.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no open objection to answer.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no open objection to classify.</source>
        <translation></translation>
    </message>
    <message>
        <source>Disqualified during the %1 objection</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::DeckLoader</name>
    <message>
        <source>unsupported version %1; this CallOS reads version %2</source>
        <translation></translation>
    </message>
    <message>
        <source>duplicate slide id &apos;%1&apos; (first at %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown placeholder {{%1}}</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown milestone &apos;%1&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>must be one of title, bullets, image, metric, two-column, quote (got &apos;%1&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>not used by the %1 layout</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a path inside the deck folder</source>
        <translation></translation>
    </message>
    <message>
        <source>image file not found: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::FieldValues</name>
    <message>
        <source>between %1 and %2</source>
        <translation></translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation></translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be one of the listed options.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 must be a date (YYYY-MM-DD).</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is outside the allowed dates.</source>
        <translation></translation>
    </message>
    <message>
        <source>Noted: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::JsonFile</name>
    <message>
        <source>file is empty</source>
        <translation></translation>
    </message>
    <message>
        <source>file is too large (%1 bytes; the limit is %2)</source>
        <translation></translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation></translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation></translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation></translation>
    </message>
    <message>
        <source>\u%1 is half of a surrogate pair without its other half, not a character</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::JsonObjectReader</name>
    <message>
        <source>must be an object</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation></translation>
    </message>
    <message>
        <source>is required</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation></translation>
    </message>
    <message>
        <source>must start with a letter and contain only letters, digits, &apos;-&apos; or &apos;_&apos; (at most 64)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation></translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation></translation>
    </message>
    <message>
        <source>must have at least one entry</source>
        <translation></translation>
    </message>
    <message>
        <source>must have at least %1 entries</source>
        <translation></translation>
    </message>
    <message>
        <source>must have at most %1 entries</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::PlaybookLoader</name>
    <message>
        <source>duplicate %1 &apos;%2&apos; (first at %3)</source>
        <translation></translation>
    </message>
    <message>
        <source>field id</source>
        <translation></translation>
    </message>
    <message>
        <source>milestone id</source>
        <translation></translation>
    </message>
    <message>
        <source>must be one of integer, money, percent, text, choice, date (got &apos;%1&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>a percent cannot be below 0</source>
        <translation></translation>
    </message>
    <message>
        <source>must be &lt;= max</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation></translation>
    </message>
    <message>
        <source>only for integer, money, percent and date fields</source>
        <translation></translation>
    </message>
    <message>
        <source>only for text fields</source>
        <translation></translation>
    </message>
    <message>
        <source>option id</source>
        <translation></translation>
    </message>
    <message>
        <source>only for choice fields</source>
        <translation></translation>
    </message>
    <message>
        <source>checklist item id</source>
        <translation></translation>
    </message>
    <message>
        <source>confirmation id</source>
        <translation></translation>
    </message>
    <message>
        <source>question id</source>
        <translation></translation>
    </message>
    <message>
        <source>decision option</source>
        <translation></translation>
    </message>
    <message>
        <source>must be one of proceed, pause, decline (got &apos;%1&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>reason id</source>
        <translation></translation>
    </message>
    <message>
        <source>at least one reason is required when decline is an option</source>
        <translation></translation>
    </message>
    <message>
        <source>must be one of &gt;=, &gt;, &lt;=, &lt;, ==, != (got &apos;%1&apos;)</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation></translation>
    </message>
    <message>
        <source>must be a milestone id</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>must name a numeric field (integer, money or percent)</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown milestone &apos;%1&apos;</source>
        <translation></translation>
    </message>
    <message>
        <source>the decision milestone cannot be blocked</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown placeholder {{%1}}</source>
        <translation></translation>
    </message>
    <message>
        <source>unsupported version %1; this CallOS reads version %2</source>
        <translation></translation>
    </message>
    <message>
        <source>must be an ISO 4217 code such as USD or EUR</source>
        <translation></translation>
    </message>
    <message>
        <source>objection id</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::TextTemplate</name>
    <message>
        <source>unclosed &apos;{{&apos; at character %1</source>
        <translation></translation>
    </message>
    <message>
        <source>empty placeholder at character %1</source>
        <translation></translation>
    </message>
    <message>
        <source>placeholder &apos;%1&apos; is not a field id</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::Account</name>
    <message>
        <source>Your session could not be read from the system keychain, so sign in again. (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>You are already signed in. Sign out first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Signing in is already under way.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter the e-mail address you sign in with.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation></translation>
    </message>
    <message>
        <source>a session token</source>
        <translation></translation>
    </message>
    <message>
        <source>Your organisation requires two-step sign-in. Set up an authenticator app for your account before your next sign-in.</source>
        <translation></translation>
    </message>
    <message>
        <source>who you are</source>
        <translation></translation>
    </message>
    <message>
        <source>You are signed in, but the system keychain cannot keep your session, so you will sign in again at the next start. (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>The old session could not be removed from the system keychain. (%1)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::ApiProblem</name>
    <message>
        <source>The request was cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server %1 did not answer in time.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server %1 cannot be found. Check the address and the network.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server %1 refuses connections: it is not running or not reachable.</source>
        <translation></translation>
    </message>
    <message>
        <source>A secure connection to %1 cannot be made: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The server at %1 answered HTTP %2, which is not a CallOS answer. Check the server address.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server refused the request (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>The server&apos;s answer is missing %1. Is this the address of a CallOS server?</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::CallController</name>
    <message>
        <source>No call is open.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::CallEventStore</name>
    <message numerus="yes">
        <source>saving %n call event(s) of call %1</source>
        <translation>
            <numerusform>saving %n call event of call %1</numerusform>
            <numerusform>saving %n call events of call %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An event without an id or a call id cannot be saved; none of the %n event(s) were saved.</source>
        <translation>
            <numerusform>An event without an id or a call id cannot be saved; it was not saved.</numerusform>
            <numerusform>An event without an id or a call id cannot be saved; none of the %n events were saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 appears twice in the batch; none of its %n event(s) were saved.</source>
        <translation>
            <numerusform>Event %1 appears twice in the batch; its event was not saved.</numerusform>
            <numerusform>Event %1 appears twice in the batch; none of its %n events were saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Event %1 is already stored in %2; none of the %n event(s) of this batch were saved.</source>
        <translation>
            <numerusform>Event %1 is already stored in %2; the event of this batch was not saved.</numerusform>
            <numerusform>Event %1 is already stored in %2; none of the %n events of this batch were saved.</numerusform>
        </translation>
    </message>
    <message>
        <source>the events of call %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the events waiting to be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>the number of events waiting to be sent</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>marking %n event(s) as received by the server</source>
        <translation>
            <numerusform>marking %n event as received by the server</numerusform>
            <numerusform>marking %n events as received by the server</numerusform>
        </translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::CallLauncher</name>
    <message>
        <source>This call was never started; start a new one.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::CallRepository</name>
    <message>
        <source>A call needs an id, a prospect and a playbook; it was not saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>Call %1 has a completion time exactly when it is completed; it was not saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>saving call %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Call %1 is for prospect %2, who is not stored; the call was not saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>A call with id %1 is already stored; nothing was changed.</source>
        <translation></translation>
    </message>
    <message>
        <source>call %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the recent calls</source>
        <translation></translation>
    </message>
    <message>
        <source>the unfinished calls</source>
        <translation></translation>
    </message>
    <message>
        <source>marking call %1 completed</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::CallReview</name>
    <message>
        <source>Sign in to a CallOS server to get the recording, its transcript and the analysis of this call.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server does not have this call yet; sending it now…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::KeychainTokenStore</name>
    <message>
        <source>The system keychain cannot be used: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>No session is stored for this account.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::LocalStore</name>
    <message>
        <source>no file name was given</source>
        <translation></translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation></translation>
    </message>
    <message>
        <source>its folder %1 cannot be created</source>
        <translation></translation>
    </message>
    <message>
        <source>the SQLite driver of Qt (QSQLITE) is not installed</source>
        <translation></translation>
    </message>
    <message>
        <source>it cannot use write-ahead logging (journal mode stays &quot;%1&quot;)</source>
        <translation></translation>
    </message>
    <message>
        <source>foreign key checks cannot be switched on</source>
        <translation></translation>
    </message>
    <message>
        <source>the data version</source>
        <translation></translation>
    </message>
    <message>
        <source>applying data migration %1 (%2)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::PlaybookCache</name>
    <message>
        <source>the server&apos;s playbook</source>
        <translation></translation>
    </message>
    <message>
        <source>The playbook from the server cannot be used, so the current one stays: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>The playbook from the server cannot be kept in %1: %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::ProspectCache</name>
    <message numerus="yes">
        <source>keeping %n prospect(s) from the server</source>
        <translation>
            <numerusform>keeping %n prospect from the server</numerusform>
            <numerusform>keeping %n prospects from the server</numerusform>
        </translation>
    </message>
    <message>
        <source>prospect %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::ProspectJson</name>
    <message>
        <source>A prospect from the server has no id.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has no name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has a field of the wrong type.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has an impossible client count.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has a client count that is not a number.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has an impossible revenue volatility.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has a revenue volatility that is not a number.</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect %1 from the server has no update time.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::ProspectRepository</name>
    <message>
        <source>the prospects</source>
        <translation></translation>
    </message>
    <message>
        <source>the prospects matching &quot;%1&quot;</source>
        <translation></translation>
    </message>
    <message>
        <source>prospect %1</source>
        <translation></translation>
    </message>
    <message>
        <source>saving prospect %1</source>
        <translation></translation>
    </message>
    <message>
        <source>adding the demo prospects</source>
        <translation></translation>
    </message>
    <message>
        <source>A prospect needs a name; nothing was saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>The client count of %1 cannot be negative (%2); nothing was saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>The revenue volatility of %1 must be between 0 and %2 percent; nothing was saved.</source>
        <translation></translation>
    </message>
    <message>
        <source>The Zoom link of %1 is not a web address (https://...): %2; nothing was saved.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::RecordingUpload</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 changed while it was being sent. Attach it again.</source>
        <translation></translation>
    </message>
    <message>
        <source>the upload&apos;s recording id</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::RefusedEvents</name>
    <message numerus="yes">
        <source>keeping %n event(s) the server refused</source>
        <translation>
            <numerusform>keeping %n event the server refused</numerusform>
            <numerusform>keeping %n events the server refused</numerusform>
        </translation>
    </message>
    <message>
        <source>the events the server refused</source>
        <translation></translation>
    </message>
    <message>
        <source>the number of events the server refused</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>queueing %n refused event(s) to be sent again</source>
        <translation>
            <numerusform>queueing %n refused event to be sent again</numerusform>
            <numerusform>queueing %n refused events to be sent again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>keeping %n refused event(s) on this computer only</source>
        <translation>
            <numerusform>keeping %n refused event on this computer only</numerusform>
            <numerusform>keeping %n refused events on this computer only</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>callos::client::ServerAddress</name>
    <message>
        <source>Enter the address of your CallOS server, for example https://callos.example.com.</source>
        <translation></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use the form https://callos.example.com.</source>
        <translation></translation>
    </message>
    <message>
        <source>A CallOS server is reached over https:// (or http:// on a local network), not %1://.</source>
        <translation></translation>
    </message>
    <message>
        <source>Leave the name and password out of the server address; enter them below.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::SessionTokenStore</name>
    <message>
        <source>No session is stored for this account.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::StoreRefusals</name>
    <message>
        <source>the integrity check gave no answer</source>
        <translation></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot create or open the CallOS data file %1: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>another program keeps it locked (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>the folder is missing or not writable, or the file is not readable (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>The CallOS data file %1 is not a database: it is damaged or another kind of file. It was left unchanged; move it away or restore a backup, then start CallOS again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The CallOS data file %1 is damaged (%2). It was left unchanged; restore a backup or move it away, then start CallOS again.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a CallOS data file. It was left unchanged; choose another file.</source>
        <translation></translation>
    </message>
    <message>
        <source>The CallOS data file %1 was written by a newer CallOS (data version %2; this version reads up to %3). It was left unchanged; update CallOS to open it.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 failed in %2: %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not read %1 from %2: %3.</source>
        <translation></translation>
    </message>
    <message>
        <source>There is no %1 in %2.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::SyncEngine</name>
    <message>
        <source>The server did not take prospect %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>The server did not take call %1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>the lists of accepted and refused events</source>
        <translation></translation>
    </message>
    <message>
        <source>Refused by the server (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>an answer for the events that were sent</source>
        <translation></translation>
    </message>
    <message>
        <source>The prospects cannot be fetched from the server: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>the list of prospects</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) from the server could not be read.</source>
        <translation>
            <numerusform>%n prospect from the server could not be read.</numerusform>
            <numerusform>%n prospects from the server could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prospect(s) from the server cannot be stored here.</source>
        <translation>
            <numerusform>%n prospect from the server cannot be stored here.</numerusform>
            <numerusform>%n prospects from the server cannot be stored here.</numerusform>
        </translation>
    </message>
    <message>
        <source>The playbook cannot be fetched from the server: %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::SyncOutbox</name>
    <message>
        <source>the prospects waiting to be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>noting that prospect %1 was sent</source>
        <translation></translation>
    </message>
    <message>
        <source>the calls waiting to be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>noting that call %1 was sent</source>
        <translation></translation>
    </message>
    <message>
        <source>the events waiting to be sent</source>
        <translation></translation>
    </message>
    <message>
        <source>event %1 is not valid JSON (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>the number of changes waiting to be sent</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::ViewerShare</name>
    <message>
        <source>Signing in… Slides can be shared once you are signed in.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your session with the server ended. Sign in again (Account → Sign in…) to share slides in a browser.</source>
        <translation></translation>
    </message>
    <message>
        <source>No CallOS server is set up. Sign in to your team&apos;s server first (Account → Sign in…).</source>
        <translation></translation>
    </message>
    <message>
        <source>You are signed out. Sign in (Account → Sign in…) to share slides in a browser.</source>
        <translation></translation>
    </message>
    <message>
        <source>Start or resume a call first: only a running call&apos;s slides can be shared.</source>
        <translation></translation>
    </message>
    <message>
        <source>a viewer link</source>
        <translation></translation>
    </message>
    <message>
        <source>The server does not have this call yet; sending it now…</source>
        <translation></translation>
    </message>
    <message>
        <source>The server still does not know this call, so there is no link yet. Check the sync in the status bar (F5 syncs now), then try again.</source>
        <translation></translation>
    </message>
    <message>
        <source>This call has ended on the server, so its slides can no longer be shared.</source>
        <translation></translation>
    </message>
    <message>
        <source>No link could be made: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Viewer not updating: the slide could not be made into a picture.</source>
        <translation></translation>
    </message>
    <message>
        <source>The call has ended on the server, and the link with it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Viewer not updating: offline. It catches up as soon as the server can be reached.</source>
        <translation></translation>
    </message>
    <message>
        <source>Viewer not updating: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Sharing stopped here, but the server could not be told (%1). The link ends with the call.</source>
        <translation></translation>
    </message>
    <message>
        <source>The call has ended, and sharing with it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Another call was opened, so sharing stopped.</source>
        <translation></translation>
    </message>
    <message>
        <source>You are no longer signed in, so the slides are not sent. The link ends with the call.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::client::WriteTransaction</name>
    <message>
        <source>the change was already abandoned</source>
        <translation></translation>
    </message>
    <message>
        <source>simulated write failure (write %1)</source>
        <translation></translation>
    </message>
    <message>
        <source>simulated write failure at commit (write %1)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::CallPage</name>
    <message>
        <source>Objection (Ctrl+O)</source>
        <translation></translation>
    </message>
    <message>
        <source>Complete milestone (Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Complete anyway</source>
        <translation></translation>
    </message>
    <message>
        <source>Skip and go</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::DecisionPanel</name>
    <message>
        <source>Decision</source>
        <translation></translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation></translation>
    </message>
    <message>
        <source>Next step in their words (optional)</source>
        <translation></translation>
    </message>
    <message>
        <source>Note</source>
        <translation></translation>
    </message>
    <message>
        <source>End call (Ctrl+Shift+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>follow-up %1</source>
        <translation></translation>
    </message>
    <message>
        <source>End call anyway</source>
        <translation></translation>
    </message>
    <message>
        <source>Record decision (Ctrl+D)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::EventTypeLabels</name>
    <message>
        <source>Started the call</source>
        <translation></translation>
    </message>
    <message>
        <source>Checked the qualification</source>
        <translation></translation>
    </message>
    <message>
        <source>Changed a checklist item</source>
        <translation></translation>
    </message>
    <message>
        <source>Filled in a field</source>
        <translation></translation>
    </message>
    <message>
        <source>Edited a note</source>
        <translation></translation>
    </message>
    <message>
        <source>Changed a confirmation</source>
        <translation></translation>
    </message>
    <message>
        <source>Moved to a milestone</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed a milestone</source>
        <translation></translation>
    </message>
    <message>
        <source>Skipped a milestone</source>
        <translation></translation>
    </message>
    <message>
        <source>Showed a slide</source>
        <translation></translation>
    </message>
    <message>
        <source>Raised an objection</source>
        <translation></translation>
    </message>
    <message>
        <source>Answered a diagnostic question</source>
        <translation></translation>
    </message>
    <message>
        <source>Recorded how an objection ended</source>
        <translation></translation>
    </message>
    <message>
        <source>Recorded the decision</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed the call</source>
        <translation></translation>
    </message>
    <message>
        <source>Recorded consent</source>
        <translation></translation>
    </message>
    <message>
        <source>Another change (%1)</source>
        <extracomment>%1 is the event&apos;s technical name, e.g. MilestoneEntered.</extracomment>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::FieldEditor</name>
    <message>
        <source>%1 *</source>
        <translation></translation>
    </message>
    <message>
        <source>Required to complete this milestone</source>
        <translation></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation></translation>
    </message>
    <message>
        <source>an amount</source>
        <translation></translation>
    </message>
    <message>
        <source>a percentage</source>
        <translation></translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::MainWindow</name>
    <message>
        <source>CallOS</source>
        <translation></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation></translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation></translation>
    </message>
    <message>
        <source>Share slides in a browser…</source>
        <translation></translation>
    </message>
    <message>
        <source>Browser: making the link…</source>
        <translation></translation>
    </message>
    <message>
        <source>Browser: live</source>
        <translation></translation>
    </message>
    <message>
        <source>Browser: not updating</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation></translation>
    </message>
    <message>
        <source>Changes the server refused…</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::MilestoneRail</name>
    <message>
        <source>Milestones</source>
        <translation></translation>
    </message>
    <message>
        <source>done</source>
        <translation></translation>
    </message>
    <message>
        <source>now</source>
        <translation></translation>
    </message>
    <message>
        <source>open</source>
        <translation></translation>
    </message>
    <message>
        <source>later</source>
        <translation></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked (advisory)</source>
        <translation></translation>
    </message>
    <message>
        <source>over by %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Alt+%1: go to %2</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::MilestoneView</name>
    <message>
        <source>Script</source>
        <translation></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation></translation>
    </message>
    <message>
        <source>Numbers and answers</source>
        <translation></translation>
    </message>
    <message>
        <source>Confirmed by the prospect</source>
        <translation></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation></translation>
    </message>
    <message>
        <source>Notes for this milestone (saved as you type)</source>
        <translation></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::ObjectionPanel</name>
    <message>
        <source>Ask, listen, note. Diagnostic questions only: no rebuttals, no persuasion.</source>
        <translation></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation></translation>
    </message>
    <message>
        <source>What was agreed (optional)</source>
        <translation></translation>
    </message>
    <message>
        <source>Resolved (Ctrl+1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Deferred: follow up (Ctrl+2)</source>
        <translation></translation>
    </message>
    <message>
        <source>Disqualified (Ctrl+3)</source>
        <translation></translation>
    </message>
    <message>
        <source>Objection: what did they raise?</source>
        <translation></translation>
    </message>
    <message>
        <source>Press the number, or click. Esc goes back to the call.</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to the call (Esc)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 objection · raised in %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Their answer, in their words</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::PrecallPage</name>
    <message>
        <source>Prospect (correct anything that changed)</source>
        <translation></translation>
    </message>
    <message>
        <source>Pre-call checklist</source>
        <translation></translation>
    </message>
    <message>
        <source>* required before the call begins</source>
        <translation></translation>
    </message>
    <message>
        <source>Begin call (Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Before the call: %1, %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Begin anyway</source>
        <translation></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation></translation>
    </message>
    <message>
        <source>Ask: “%1”</source>
        <translation></translation>
    </message>
    <message>
        <source>The prospect agreed to be recorded</source>
        <translation></translation>
    </message>
    <message>
        <source>Is it all right if I record this call? It helps me listen to you instead of taking notes, and the recording stays within our team.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::PresenterPanel</name>
    <message>
        <source>Client sees now</source>
        <translation></translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation></translation>
    </message>
    <message>
        <source>Page Up, Left</source>
        <translation></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation></translation>
    </message>
    <message>
        <source>Page Down, Right, Space</source>
        <translation></translation>
    </message>
    <message>
        <source>Black (B)</source>
        <translation></translation>
    </message>
    <message>
        <source>Freeze (F)</source>
        <translation></translation>
    </message>
    <message>
        <source>Next</source>
        <translation></translation>
    </message>
    <message>
        <source>Jump to each milestone&apos;s first slide</source>
        <translation></translation>
    </message>
    <message>
        <source>Presentation window (share this in Zoom)</source>
        <translation></translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3×%4)</source>
        <translation></translation>
    </message>
    <message>
        <source>Black screen</source>
        <translation></translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation></translation>
    </message>
    <message>
        <source>End of deck</source>
        <translation></translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Hide presentation window (Ctrl+P)</source>
        <translation></translation>
    </message>
    <message>
        <source>Show presentation window (Ctrl+P)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::ReasonPrompt</name>
    <message>
        <source>Reason (recorded with the call)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::RefusedEventsDialog</name>
    <message>
        <source>Changes the server refused</source>
        <translation></translation>
    </message>
    <message>
        <source>When</source>
        <translation></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation></translation>
    </message>
    <message>
        <source>Change</source>
        <translation></translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation></translation>
    </message>
    <message>
        <source>Queue the selected changes to be sent with the next sync.</source>
        <translation></translation>
    </message>
    <message>
        <source>Keep on this computer only</source>
        <translation></translation>
    </message>
    <message>
        <source>The selected changes stay in this computer&apos;s call history and are not sent again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The server has taken every change. Nothing waits for you here.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) stay on this computer until you decide: send them again, or keep them here only. Nothing is deleted either way.</source>
        <translation>
            <numerusform>%n change stays on this computer until you decide: send it again, or keep it here only. Nothing is deleted either way.</numerusform>
            <numerusform>%n changes stay on this computer until you decide: send them again, or keep them here only. Nothing is deleted either way.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>callos::ui::ReviewPanel</name>
    <message>
        <source>After the call</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Retry failed step</source>
        <translation></translation>
    </message>
    <message>
        <source>Follow-up e-mail</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy &amp;e-mail</source>
        <translation></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation></translation>
    </message>
    <message>
        <source>Asking the server where the recording and its analysis stand…</source>
        <translation></translation>
    </message>
    <message>
        <source>The server cannot be asked now (%1). Trying again…</source>
        <translation></translation>
    </message>
    <message>
        <source>Starting the failed step again…</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing is recorded: the prospect&apos;s consent to record was not given.</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for the recording. Zoom sends it a few minutes after the meeting ends.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 will be tried again: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Transcript: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Analysis: %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation></translation>
    </message>
    <message>
        <source>Decision readiness</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <translation></translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation></translation>
    </message>
    <message>
        <source>None found.</source>
        <translation></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation></translation>
    </message>
    <message>
        <source>Feedback for you</source>
        <translation></translation>
    </message>
    <message>
        <source>Went well</source>
        <translation></translation>
    </message>
    <message>
        <source>To work on</source>
        <translation></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation></translation>
    </message>
    <message>
        <source>queued</source>
        <translation></translation>
    </message>
    <message>
        <source>running</source>
        <translation></translation>
    </message>
    <message>
        <source>retrying</source>
        <translation></translation>
    </message>
    <message>
        <source>done</source>
        <translation></translation>
    </message>
    <message>
        <source>failed</source>
        <translation></translation>
    </message>
    <message>
        <source>offline, pocketsphinx</source>
        <translation></translation>
    </message>
    <message>
        <source>AssemblyAI</source>
        <translation></translation>
    </message>
    <message>
        <source>Claude</source>
        <translation></translation>
    </message>
    <message>
        <source>rule-based</source>
        <translation></translation>
    </message>
    <message>
        <source>High:</source>
        <translation></translation>
    </message>
    <message>
        <source>Medium:</source>
        <translation></translation>
    </message>
    <message>
        <source>Low:</source>
        <translation></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation></translation>
    </message>
    <message>
        <source>deferred</source>
        <translation></translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation></translation>
    </message>
    <message>
        <source>not addressed</source>
        <translation></translation>
    </message>
    <message>
        <source>Working on it. %1: %2.</source>
        <translation></translation>
    </message>
    <message>
        <source>Recorded on another device or in another meeting tool? Send the audio file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending %1: %2 of %3</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending %1 paused at %2 of %3 (%4). Trying again…</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 sent (%2). The server stores it, then transcribes it.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Attach the call&apos;s recording</source>
        <translation></translation>
    </message>
    <message>
        <source>Recordings (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>Waiting for the recording you attached.</source>
        <translation></translation>
    </message>
    <message>
        <source>Attac&amp;h recording…</source>
        <translation></translation>
    </message>
    <message>
        <source>The meeting bot could not record the call: %1. Attach a recording made elsewhere, if there is one.</source>
        <translation></translation>
    </message>
    <message>
        <source>The meeting bot: %1. The recording follows when the meeting has ended.</source>
        <translation></translation>
    </message>
    <message>
        <source>asked to join</source>
        <translation></translation>
    </message>
    <message>
        <source>joining the meeting</source>
        <translation></translation>
    </message>
    <message>
        <source>in the meeting</source>
        <translation></translation>
    </message>
    <message>
        <source>recording</source>
        <translation></translation>
    </message>
    <message>
        <source>leaving the meeting</source>
        <translation></translation>
    </message>
    <message>
        <source>left the meeting</source>
        <translation></translation>
    </message>
    <message>
        <source>bot %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation></translation>
    </message>
    <message>
        <source>meeting bot</source>
        <translation></translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::SignInDialog</name>
    <message>
        <source>Sign in to CallOS</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s server</source>
        <translation></translation>
    </message>
    <message>
        <source>Your calls stay on this computer and are sent to the server whenever it can be reached. Signing in or out never deletes anything here.</source>
        <translation></translation>
    </message>
    <message>
        <source>Your session ended (%1). Sign in again to go on syncing; everything on this computer is kept.</source>
        <translation></translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation></translation>
    </message>
    <message>
        <source>6 digits, or a recovery code</source>
        <translation></translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation></translation>
    </message>
    <message>
        <source>Password</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation></translation>
    </message>
    <message>
        <source>Signing in failed (%1).</source>
        <translation></translation>
    </message>
    <message>
        <source>This account uses two-step sign-in. Enter the 6-digit code from your authenticator app, or one of your recovery codes.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::StartPage</name>
    <message>
        <source>Prospects</source>
        <translation></translation>
    </message>
    <message>
        <source>Search name or company (Ctrl+F)</source>
        <translation></translation>
    </message>
    <message>
        <source>New prospect (Ctrl+N)</source>
        <translation></translation>
    </message>
    <message>
        <source>Start a call</source>
        <translation></translation>
    </message>
    <message>
        <source>active clients today</source>
        <translation></translation>
    </message>
    <message>
        <source>% revenue swings month to month</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation></translation>
    </message>
    <message>
        <source>Client c&amp;ount</source>
        <translation></translation>
    </message>
    <message>
        <source>Revenue &amp;volatility</source>
        <translation></translation>
    </message>
    <message>
        <source>Main &amp;pain points</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Zoom link</source>
        <translation></translation>
    </message>
    <message>
        <source>Start call (Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Unfinished calls</source>
        <translation></translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation></translation>
    </message>
    <message>
        <source>Unfinished calls (%1)</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation></translation>
    </message>
    <message>
        <source>clients unknown</source>
        <translation></translation>
    </message>
    <message>
        <source>Type the prospect&apos;s name.</source>
        <translation></translation>
    </message>
    <message>
        <source>Client count must be a whole number, such as 620.</source>
        <translation></translation>
    </message>
    <message>
        <source>Revenue volatility is a percentage from 0 to 100, such as 18.</source>
        <translation></translation>
    </message>
    <message>
        <source>Resume selected call (Ctrl+R)</source>
        <translation></translation>
    </message>
    <message>
        <source>Your call with %1 was interrupted. Resume it exactly where you left off: Ctrl+R.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::SummaryPage</name>
    <message>
        <source>Call summary</source>
        <translation></translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation></translation>
    </message>
    <message>
        <source>Back to start (Ctrl+Enter)</source>
        <translation></translation>
    </message>
    <message>
        <source>Advisory-only call</source>
        <translation></translation>
    </message>
    <message>
        <source>follow-up %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation></translation>
    </message>
    <message>
        <source>Deferred objections need a follow-up.</source>
        <translation></translation>
    </message>
    <message>
        <source>Call length %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation></translation>
    </message>
    <message>
        <source>done</source>
        <translation></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>blocked (advisory only)</source>
        <translation></translation>
    </message>
    <message>
        <source>not completed</source>
        <translation></translation>
    </message>
    <message>
        <source>Completed with items open: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation></translation>
    </message>
    <message>
        <source>still open</source>
        <translation></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation></translation>
    </message>
    <message>
        <source>deferred: follow up</source>
        <translation></translation>
    </message>
    <message>
        <source>disqualified</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>callos::ui::SyncStatusWidget</name>
    <message>
        <source>Sign in again…</source>
        <translation></translation>
    </message>
    <message>
        <source>Local only</source>
        <translation></translation>
    </message>
    <message>
        <source>Calls are kept on this computer. Sign in to a CallOS server to sync them (Ctrl+Shift+L).</source>
        <translation></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Your session on %1 ended: %2
%n change(s) wait on this computer; nothing is lost. Sign in again to send them.</source>
        <translation>
            <numerusform>Your session on %1 ended: %2
%n change waits on this computer; nothing is lost. Sign in again to send it.</numerusform>
            <numerusform>Your session on %1 ended: %2
%n changes wait on this computer; nothing is lost. Sign in again to send them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n waiting</source>
        <translation>
            <numerusform>Offline · %n waiting</numerusform>
            <numerusform>Offline · %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation></translation>
    </message>
    <message>
        <source>%1
Everything is kept on this computer and sent when %2 can be reached.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n…</source>
        <translation>
            <numerusform>Syncing %n…</numerusform>
            <numerusform>Syncing %n…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation></translation>
    </message>
    <message>
        <source>Sending changes to %1 and fetching prospects and the playbook.</source>
        <translation></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation></translation>
    </message>
    <message>
        <source>Everything on this computer is on %1 (%2, signed in as %3).</source>
        <translation></translation>
    </message>
    <message>
        <source>Sync error: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Next try at %1 (F5 tries now).</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s). Click to see why and decide.</source>
        <translation>
            <numerusform>The server refused %n change. Click to see why and decide.</numerusform>
            <numerusform>The server refused %n changes. Click to see why and decide.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>callos::ui::ViewerShareDialog</name>
    <message>
        <source>Share slides in a browser</source>
        <translation></translation>
    </message>
    <message>
        <source>The prospect sees only the slides, the same as your presentation window, until the call ends.</source>
        <translation></translation>
    </message>
    <message>
        <source>Link for the prospect</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation></translation>
    </message>
    <message>
        <source>Share &amp;again</source>
        <translation></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation></translation>
    </message>
    <message>
        <source>Making the link…</source>
        <translation></translation>
    </message>
    <message>
        <source>No link</source>
        <translation></translation>
    </message>
    <message>
        <source>Live: the browser shows the slide your presentation window shows.</source>
        <translation></translation>
    </message>
    <message>
        <source>Not sharing. The link no longer opens the slides.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CallOS: guided sales calls.</source>
        <translation></translation>
    </message>
    <message>
        <source>Folder for the local store and settings.</source>
        <translation></translation>
    </message>
    <message>
        <source>Playbook JSON file.</source>
        <translation></translation>
    </message>
    <message>
        <source>Slide deck (deck.json).</source>
        <translation></translation>
    </message>
    <message>
        <source>Language (en, de); default: the system&apos;s.</source>
        <translation></translation>
    </message>
    <message>
        <source>Write PNGs of every screen to &lt;dir&gt; and quit.</source>
        <translation></translation>
    </message>
    <message>
        <source>Play a scripted call (resuming an unfinished one), print committed events, quit.</source>
        <translation></translation>
    </message>
    <message>
        <source>Milliseconds between scripted steps.</source>
        <translation></translation>
    </message>
    <message>
        <source>The playbook cannot be used</source>
        <translation></translation>
    </message>
    <message>
        <source>The slide deck cannot be used</source>
        <translation></translation>
    </message>
    <message>
        <source>CallOS cannot open its data</source>
        <translation></translation>
    </message>
    <message>
        <source>Report first paint and memory with a call running, then quit (bench_startup).</source>
        <translation></translation>
    </message>
    <message>
        <source>CallOS server address for signing in (e.g. http://127.0.0.1:8080).</source>
        <translation></translation>
    </message>
    <message>
        <source>E-mail address for signing in.</source>
        <translation></translation>
    </message>
    <message>
        <source>Sign in at start with the password read from stdin (scripts).</source>
        <translation></translation>
    </message>
    <message>
        <source>The playbook from the server is not used: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation></translation>
    </message>
</context>
</TS>
