#include "runtime/jsonlog.h"

#include "common/clock.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

JsonLog::JsonLog(QIODevice &sink, const Clock &clock) : m_sink(sink), m_clock(clock) { }

void JsonLog::write(const QString &level, const QString &event, const QJsonObject &fields)
{
    QJsonObject line = fields;
    line.insert(u"ts"_s, QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC).toString(Qt::ISODateWithMs));
    line.insert(u"level"_s, level);
    line.insert(u"event"_s, event);
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    // One write per line, so lines of concurrent writers never interleave.
    const QMutexLocker lock(&m_mutex);
    m_sink.write(text);
}

} // namespace callos::server
