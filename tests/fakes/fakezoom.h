#pragma once

#include "fakehttpserver.h"

#include <QHash>

namespace callos::test {

// Zoom's cloud recording downloads, as the integrations page documents them:
//   GET /rec/download/{file} with "Authorization: Bearer <token>" or
//   ?access_token=<token> (the webhook's download_token) -> the file; a
//   wrong or missing token -> 401 {"code":124,"message":"Invalid access token."}.
// With redirects on, the download answers 302 to a signed storage link
// (/storage/{file}?signature=...), which takes no token: as Zoom does.
class FakeZoom : public FakeHttpServer
{
public:
    // A recording file the fake serves to holders of `token`.
    void addFile(const QString &fileId, const QByteArray &bytes, const QByteArray &token);
    // On: downloads redirect to the storage link at `host` (another name
    // for loopback, such as "localhost", makes it another host to a client).
    void setRedirects(bool on, const QString &host = QStringLiteral("127.0.0.1"));
    QString downloadUrl(const QString &fileId) const { return url(QStringLiteral("/rec/download/") + fileId); }

protected:
    FakeResponse respond(const FakeRequest &request) override;

private:
    struct File
    {
        QByteArray bytes;
        QByteArray token;
    };
    QMutex m_filesMutex;
    QHash<QString, File> m_files;
    bool m_redirects = false;
    QString m_redirectHost;
};

} // namespace callos::test
