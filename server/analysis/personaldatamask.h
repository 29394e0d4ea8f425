#pragma once

#include <QString>
#include <QStringView>

namespace callos::server {

// Takes personal data out of a transcript before it leaves for Claude, so
// that the analysis sees what was said about the deal, not who can be
// reached where. Placeholders keep the sentence readable and are always
// the same text, so one transcript masks the same way every time (and a
// cached prompt prefix stays a cache hit):
//
// - e-mail addresses -> [email]: written (jane.doe+crm@acme-corp.co.uk) and
//   as speech recognition writes them out ("jane dot doe at acme dot com",
//   German "punkt"; the spoken form needs a spoken "dot" before a common
//   top-level domain, so "we met at Acme" stays).
// - phone numbers -> [phone]: international (+49 30 1234567, +1 (555)
//   123-4567, +49 (0)30 1234567, 0049 30 1234567), an area code in
//   brackets ((555) 123-4567, (030) 1234567), a trunk 0 with a separator
//   (030/1234567, 030 123 45 67, 0171-1234567) and North American
//   555-123-4567 / 555.123.4567 / 555 123 4567; at least 7 digits.
// - numbers of 4 or more digits -> [number]. A "number" is what a person
//   reads as one: digits grouped by single separators (space, '.', ',',
//   '-', '/', apostrophe, no-break spaces) count together, so a card
//   number "4111 1111 1111 1111", an amount "12,500" or "1.250.000", a
//   date "12.03.2024", an IP address and digits spoken one by one ("4 7 1
//   1") each become one [number]. Two exceptions keep what the analysis
//   needs: two small groups joined by '-', '/' or a decimal point or comma
//   ("50-100 seats", "3/4", "24/7", "49.99", "12/03") are a range, ratio or
//   price, not one number; and times ("10:30", "9:05:30") are never joined
//   to their neighbours. Digits inside words count too (order "A-12345"
//   -> "A-[number]"). Years are numbers of 4 digits and are masked: the
//   rule cannot tell "in 2024" from a PIN "2024".
//
// Not caught: numbers said as words ("four one one one"), and digits
// separated by a comma and a space ("1, 2, 3, 4"), which transcripts use
// for lists of small numbers.
class PersonalDataMask
{
public:
    struct Masked
    {
        QString text;
        int emails = 0;
        int phones = 0;
        int numbers = 0;

        int total() const { return emails + phones + numbers; }
    };

    static QString emailPlaceholder() { return QStringLiteral("[email]"); }
    static QString phonePlaceholder() { return QStringLiteral("[phone]"); }
    static QString numberPlaceholder() { return QStringLiteral("[number]"); }

    static Masked mask(QStringView text);
};

} // namespace callos::server
