#pragma once

// For benchmarks of HTTP endpoints: POSTs bodies one after another from its
// own thread (the server keeps the main thread, as it would on another
// machine than its clients) and times each from request to answer.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QUrl>

namespace callos::test {

class SequentialPoster : public QThread
{
public:
    struct Request
    {
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers; // Content-Type: JSON unless given
    };
    struct Answer
    {
        int status = 0;
        QByteArray body;
    };

    SequentialPoster(QUrl url, QList<Request> requests) : m_url(std::move(url)), m_requests(std::move(requests)) { }

    // Filled once the thread has finished, one per request, in order.
    QList<qint64> nanoseconds;
    QList<Answer> answers;
    qint64 totalNs = 0;

protected:
    void run() override
    {
        QNetworkAccessManager network;
        QElapsedTimer total;
        total.start();
        for (const Request &sent : std::as_const(m_requests)) {
            QNetworkRequest request(m_url);
            request.setRawHeader("Content-Type", "application/json");
            for (const auto &[name, value] : sent.headers)
                request.setRawHeader(name, value);
            QElapsedTimer one;
            one.start();
            QNetworkReply *reply = network.post(request, sent.body);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            nanoseconds.append(one.nsecsElapsed());
            answers.append(Answer{ reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() });
            delete reply;
        }
        totalNs = total.nsecsElapsed();
    }

private:
    QUrl m_url;
    QList<Request> m_requests;
};

// Runs the poster while the calling thread serves, until every answer is in.
inline void postWhileServing(SequentialPoster &poster)
{
    QEventLoop serving;
    QObject::connect(&poster, &QThread::finished, &serving, &QEventLoop::quit);
    poster.start();
    serving.exec();
    poster.wait();
}

// The value at `fraction` (0.5, 0.99) of sorted durations, in ms.
inline double percentileMs(QList<qint64> nanoseconds, double fraction)
{
    if (nanoseconds.isEmpty())
        return -1;
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return double(nanoseconds.at(qsizetype(fraction * double(nanoseconds.size() - 1)))) / 1e6;
}

} // namespace callos::test
