#include "recording/zoommeetinglink.h"

#include "prospects/prospectjson.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Zoom's meeting numbers have 9 to 11 digits; one more leaves room to grow.
bool isMeetingNumber(const QString &segment)
{
    if (segment.size() < 9 || segment.size() > 12)
        return false;
    for (const QChar c : segment) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

std::optional<QString> zoomMeetingNumber(const QString &link)
{
    if (!ProspectJson::isZoomLink(link.trimmed()))
        return std::nullopt;
    const QStringList segments = QUrl(link.trimmed()).path().split(u'/', Qt::SkipEmptyParts);
    if (segments.size() < 2)
        return std::nullopt;
    const QString &kind = segments.at(0);
    if (kind == u"j"_s || kind == u"s"_s || kind == u"w"_s) {
        if (isMeetingNumber(segments.at(1)))
            return segments.at(1);
        return std::nullopt;
    }
    if (kind == u"wc"_s) {
        // /wc/join/N or /wc/N/join (/start)
        const QString &number = segments.at(1) == u"join"_s ? segments.value(2) : segments.at(1);
        if (isMeetingNumber(number))
            return number;
    }
    return std::nullopt;
}

} // namespace callos::server
