#include "analysis/personaldatamask.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr auto kOptions = QRegularExpression::UseUnicodePropertiesOption;

const QRegularExpression &writtenEmail()
{
    static const QRegularExpression pattern(u"(?<![\\w.%+\\-])[\\w.%+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+"_s, kOptions);
    return pattern;
}

// "jane dot doe at acme dot com": the spoken "dot" before a common
// top-level domain is what tells an address from "we met at Acme".
const QRegularExpression &spokenEmail()
{
    static const QRegularExpression pattern(
        u"(?<!\\w)[\\w%+\\-]+(?:(?:\\s+(?:dot|punkt)\\s+|\\.)[\\w%+\\-]+)*"
        u"\\s+(?:at|ät|@)\\s+"
        u"[\\w\\-]+(?:(?:\\s+(?:dot|punkt)\\s+|\\.)[\\w\\-]+)*"
        u"\\s+(?:dot|punkt)\\s+"
        u"(?:com|net|org|info|biz|io|ai|app|dev|co|de|at|ch|uk|eu|fr|nl|be|it|es|pl|se|dk|no|us|ca|au)(?!\\w)"_s,
        kOptions | QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// The shapes of phone numbers (see the header). None starts right after
// a word, a "+" or "@", or a group of digits and a separator (then it is
// the tail of a longer number: an IBAN, a card), and the groups are
// possessive so that a long run of digits cannot make the engine
// backtrack through every way of splitting it.
const QRegularExpression &phone()
{
    static const QRegularExpression pattern(u"(?<![\\w+@])(?<![0-9][ \\-./])"
                                            u"(?:"
                                            // +49 30 1234567, +1 (555) 123-4567, +49 (0)30 1234567, 0049 30 1234567
                                            u"(?:\\+|00)[0-9]{1,3}(?:[ \\-./]?\\(0\\))?"
                                            u"(?:[ \\-./]?(?:\\([0-9]{1,5}\\)|[0-9]++))++"
                                            // (555) 123-4567, (030) 1234567
                                            u"|\\([0-9]{2,5}\\)(?:[ \\-./]?[0-9]++)++"
                                            // 030/1234567, 030 123 45 67, 0171-1234567 (no '.': 01.02.2024 is a date)
                                            u"|0[1-9][0-9]{1,4}+(?:[ \\-/][0-9]++)++"
                                            // 555-123-4567, 555.123.4567, 555 123 4567
                                            u"|[0-9]{3}[ \\-.][0-9]{3}[ \\-.][0-9]{4}"
                                            u")"
                                            u"(?![\\w@])"_s,
        kOptions);
    return pattern;
}

constexpr int kMinimumPhoneDigits = 7;
constexpr int kMinimumNumberDigits = 4;

int countDigits(QStringView text)
{
    return int(std::count_if(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }));
}

// Replaces the matches that `accept` takes with `placeholder`; how many.
int replace(QString &text, const QRegularExpression &pattern, const QString &placeholder,
    const std::function<bool(QStringView)> &accept = {})
{
    QString out;
    qsizetype copied = 0;
    int replaced = 0;
    QRegularExpressionMatchIterator matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QStringView found = match.capturedView();
        if (accept && !accept(found))
            continue;
        out += QStringView(text).mid(copied, match.capturedStart() - copied);
        out += placeholder;
        copied = match.capturedEnd();
        ++replaced;
    }
    if (replaced > 0) {
        out += QStringView(text).mid(copied);
        text = out;
    }
    return replaced;
}

// Between two groups of digits of one number: "12,500", "1.250.000",
// "1'000", "4111 1111", "2024-03-12", "12/03/2024".
bool isGroupSeparator(QChar c)
{
    switch (c.unicode()) {
    case u' ':
    case u'.':
    case u',':
    case u'\'':
    case u'-':
    case u'/':
    case 0x00A0: // no-break space
    case 0x2009: // thin space
    case 0x202F: // narrow no-break space (French and Swiss thousands)
    case 0x2011: // non-breaking hyphen
    case 0x2013: // en dash
    case 0x2019: // right single quotation mark (Swiss 1’000)
        return true;
    default:
        return false;
    }
}

// Separators of ranges and ratios ("50-100", "3/4"), which never group
// thousands.
bool isRangeSeparator(QChar c)
{
    return c == u'-' || c == u'/' || c == QChar(0x2011) || c == QChar(0x2013);
}

struct Group
{
    qsizetype start = 0;
    qsizetype end = 0;

    qsizetype length() const { return end - start; }
};

// Whether digit groups joined by single separators (separators[i] stands
// between groups i and i + 1) are one number of 4 or more digits.
bool isLongNumber(const QList<Group> &groups, const QString &separators)
{
    qsizetype digits = 0;
    qsizetype longest = 0;
    for (const Group &group : groups) {
        digits += group.length();
        longest = std::max(longest, group.length());
    }
    if (longest >= kMinimumNumberDigits)
        return true;
    if (groups.size() >= 3) // a date, an IP address, digits read one by one
        return digits >= kMinimumNumberDigits;
    if (groups.size() == 2) // "12,500" and "2 300" are one number; "49.99" is not 4 digits of one
        return !isRangeSeparator(separators.at(0)) && groups.at(1).length() == 3;
    return false;
}

class NumberMasker
{
public:
    explicit NumberMasker(const QString &text) : m_text(text) { }

    QString run(int &masked)
    {
        qsizetype i = 0;
        while (i < m_text.size()) {
            if (!m_text.at(i).isDigit()) {
                m_out += m_text.at(i++);
                continue;
            }
            i = isTimeAt(i) ? time(i) : chain(i);
        }
        masked = m_masked;
        return m_out;
    }

private:
    qsizetype digitsEnd(qsizetype from) const
    {
        while (from < m_text.size() && m_text.at(from).isDigit())
            ++from;
        return from;
    }

    bool digitAt(qsizetype at) const { return at < m_text.size() && m_text.at(at).isDigit(); }

    // "10:30", "9:05:30", a score "3:2": kept whole and never joined to the
    // digits around it ("at 10:30 20 people" must not become "30 20").
    bool isTimeAt(qsizetype start) const
    {
        const qsizetype end = digitsEnd(start);
        return end < m_text.size() && m_text.at(end) == u':' && digitAt(end + 1);
    }

    qsizetype time(qsizetype start)
    {
        qsizetype end = digitsEnd(start);
        qsizetype longest = end - start;
        while (end < m_text.size() && m_text.at(end) == u':' && digitAt(end + 1)) {
            const qsizetype next = digitsEnd(end + 1);
            longest = std::max(longest, next - end - 1);
            end = next;
        }
        put(start, end, longest >= kMinimumNumberDigits);
        return end;
    }

    qsizetype chain(qsizetype start)
    {
        QList<Group> groups{ Group{ start, digitsEnd(start) } };
        QString separators;
        qsizetype end = groups.constLast().end;
        while (end < m_text.size() && isGroupSeparator(m_text.at(end)) && digitAt(end + 1) && !isTimeAt(end + 1)) {
            separators += m_text.at(end);
            groups.append(Group{ end + 1, digitsEnd(end + 1) });
            end = groups.constLast().end;
        }
        // One dash or slash in a run is a range or ratio: "1.5-2.5",
        // "100-1,000", "3/4"; its sides are numbers of their own. Two make
        // one number: "555-123-4567", "12/03/2024".
        const auto ranges = std::count_if(separators.cbegin(), separators.cend(), isRangeSeparator);
        qsizetype split = -1;
        if (ranges == 1)
            split = std::find_if(separators.cbegin(), separators.cend(), isRangeSeparator) - separators.cbegin();
        if (split < 0) {
            put(start, end, isLongNumber(groups, separators));
        } else {
            put(start, groups.at(split).end, isLongNumber(groups.mid(0, split + 1), separators.left(split)));
            m_out += separators.at(split);
            put(groups.at(split + 1).start, end, isLongNumber(groups.mid(split + 1), separators.mid(split + 1)));
        }
        return end;
    }

    void put(qsizetype start, qsizetype end, bool mask)
    {
        if (mask) {
            m_out += PersonalDataMask::numberPlaceholder();
            ++m_masked;
        } else {
            m_out += QStringView(m_text).mid(start, end - start);
        }
    }

    const QString &m_text;
    QString m_out;
    int m_masked = 0;
};

} // namespace

PersonalDataMask::Masked PersonalDataMask::mask(QStringView text)
{
    Masked masked;
    QString work = text.toString();
    // Addresses first: their digits ("jane2024@...") are part of them.
    masked.emails = replace(work, writtenEmail(), emailPlaceholder());
    masked.emails += replace(work, spokenEmail(), emailPlaceholder());
    masked.phones = replace(
        work, phone(), phonePlaceholder(), [](QStringView found) { return countDigits(found) >= kMinimumPhoneDigits; });
    masked.text = NumberMasker(work).run(masked.numbers);
    return masked;
}

} // namespace callos::server
