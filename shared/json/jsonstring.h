#pragma once

#include <QByteArray>
#include <QString>

namespace callos {

// Appends `text` to `out` as a JSON string, quoted and escaped exactly as
// QJsonDocument::toJson writes it: UTF-8, with quotes, backslashes, control
// characters and lone surrogates escaped. For writers that build JSON text
// by hand where a QJsonObject per item would cost too much, such as a batch
// of events.
void appendJsonString(QByteArray &out, const QString &text);

} // namespace callos
