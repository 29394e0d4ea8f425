#include "fakezoom.h"

using namespace Qt::StringLiterals;

namespace callos::test {

void FakeZoom::addFile(const QString &fileId, const QByteArray &bytes, const QByteArray &token)
{
    const QMutexLocker lock(&m_filesMutex);
    m_files.insert(fileId, File{ bytes, token });
}

void FakeZoom::setRedirects(bool on, const QString &host)
{
    const QMutexLocker lock(&m_filesMutex);
    m_redirects = on;
    m_redirectHost = host;
}

FakeResponse FakeZoom::respond(const FakeRequest &request)
{
    const QMutexLocker lock(&m_filesMutex);
    const QString download = u"/rec/download/"_s;
    const QString storage = u"/storage/"_s;
    if (request.method == "GET" && request.path.startsWith(storage)) {
        const QString fileId = request.path.mid(storage.size());
        if (!m_files.contains(fileId) || request.query.queryItemValue(u"signature"_s) != u"ok"_s)
            return FakeResponse::json(403, R"({"message":"Request has expired"})");
        FakeResponse file;
        file.headers = { { "Content-Type", "audio/mp4" } };
        file.body = m_files.value(fileId).bytes;
        return file;
    }
    if (request.method != "GET" || !request.path.startsWith(download))
        return FakeResponse::json(404, R"({"code":404,"message":"Not found."})");
    const QString fileId = request.path.mid(download.size());
    const auto found = m_files.constFind(fileId);
    if (found == m_files.constEnd())
        return FakeResponse::json(404, R"({"code":3301,"message":"This recording does not exist."})");
    const QByteArray bearer = request.header("Authorization");
    const QByteArray token = bearer.startsWith("Bearer ") ? bearer.mid(7)
                                                          : request.query.queryItemValue(u"access_token"_s).toUtf8();
    if (token.isEmpty() || token != found->token)
        return FakeResponse::json(401, R"({"code":124,"message":"Invalid access token."})");
    if (m_redirects) {
        FakeResponse redirect;
        redirect.status = 302;
        const QString location = u"http://%1:%2%3%4?signature=ok"_s.arg(m_redirectHost).arg(port()).arg(storage, fileId);
        redirect.headers = { { "Location", location.toUtf8() } };
        return redirect;
    }
    FakeResponse file;
    file.headers = { { "Content-Type", "audio/mp4" } };
    file.body = found->bytes;
    return file;
}

} // namespace callos::test
