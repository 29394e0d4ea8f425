#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace callos::AudioFileTypes {

// The recording files CallOS takes (by extension, lower case): what Zoom
// and meeting recorders write and what the transcribers decode.
QStringList extensions();
// "m4a" for "Call 12.M4A"; empty when the name's extension is not taken.
QString extensionOf(const QString &fileName);
// The media type of a file type ("m4a", "MP4", ...); audio/mp4 when unknown.
QByteArray mediaType(const QString &fileType);

} // namespace callos::AudioFileTypes
