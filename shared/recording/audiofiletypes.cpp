#include "recording/audiofiletypes.h"

#include <QFileInfo>
#include <QHash>

using namespace Qt::StringLiterals;

namespace callos::AudioFileTypes {

namespace {

const QHash<QString, QByteArray> &types()
{
    static const QHash<QString, QByteArray> known{ { u"m4a"_s, "audio/mp4" }, { u"mp4"_s, "video/mp4" },
        { u"mp3"_s, "audio/mpeg" }, { u"wav"_s, "audio/wav" }, { u"ogg"_s, "audio/ogg" }, { u"oga"_s, "audio/ogg" },
        { u"opus"_s, "audio/ogg" }, { u"webm"_s, "audio/webm" }, { u"flac"_s, "audio/flac" },
        { u"aac"_s, "audio/aac" } };
    return known;
}

} // namespace

QStringList extensions()
{
    QStringList out = types().keys();
    out.sort();
    return out;
}

QString extensionOf(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    return types().contains(suffix) ? suffix : QString();
}

QByteArray mediaType(const QString &fileType)
{
    return types().value(fileType.toLower(), "audio/mp4");
}

} // namespace callos::AudioFileTypes
