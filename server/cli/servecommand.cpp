#include "cli/servecommand.h"

#include "http/httpservice.h"
#include "live/livehub.h"
#include "pipeline/pipelineworkers.h"
#include "runtime/jsonlog.h"
#include "runtime/signalwatcher.h"
#include "storage/database.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace callos::server {

ServeCommand::ServeCommand(Database &database, HttpService &http, LiveHub &live, PipelineWorkers &workers,
    SignalWatcher &signals, JsonLog &log)
    : m_database(database)
    , m_http(http)
    , m_live(live)
    , m_workers(workers)
    , m_signals(signals)
    , m_log(log)
{
}

ExitCode ServeCommand::run(const ListenAddress &address)
{
    if (!m_signals.isWatching()) {
        m_log.write(u"error"_s, u"server.failed"_s,
            QJsonObject{ { u"message"_s, u"cannot install the SIGTERM/SIGINT handlers"_s } });
        return ExitCode::Failed;
    }
    // Row-level security stops nobody who is a superuser or has BYPASSRLS,
    // FORCE or not: say so once, where the operator looks.
    const Result<std::optional<QString>> bypassing = m_database.tenantScope().roleBypassingFence();
    if (!bypassing)
        m_log.write(u"warning"_s, u"storage.rls_unknown"_s, QJsonObject{ { u"message"_s, bypassing.refusal().message } });
    else if (const std::optional<QString> &role = bypassing.value())
        m_log.write(u"warning"_s, u"storage.rls_not_enforced"_s,
            QJsonObject{ { u"role"_s, *role },
                { u"message"_s,
                    u"Row-level security is not enforced for the database role %1: it is a superuser or has "
                    "BYPASSRLS, so it sees every organisation's rows. Connect as an ordinary role "
                    "(NOSUPERUSER NOBYPASSRLS) that owns the tables."_s.arg(*role) } });
    if (!m_workers.start())
        return ExitCode::Failed; // logged by the worker
    const Result<quint16> port = m_http.listen(address);
    if (!port) {
        m_log.write(u"error"_s, u"server.failed"_s,
            QJsonObject{ { u"code"_s, port.refusal().code }, { u"message"_s, port.refusal().message } });
        return ExitCode::Failed;
    }
    m_log.write(u"info"_s, u"server.listening"_s,
        QJsonObject{ { u"address"_s, address.host.toString() }, { u"port"_s, port.value() },
            { u"database"_s, m_database.name() }, { u"backend"_s, m_database.settings().backendName() } });

    QEventLoop loop;
    QTimer drain;
    drain.setInterval(10);
    QDeadlineTimer drainDeadline;
    const auto finish = [&]() {
        drain.stop();
        m_workers.stop();
        m_database.close();
        m_log.write(u"info"_s, u"server.stopped"_s);
        loop.quit();
    };
    QObject::connect(&drain, &QTimer::timeout, &loop, [&]() {
        if (m_http.pendingResponseBytes() == 0 || drainDeadline.hasExpired())
            finish();
    });
    bool stopping = false;
    QObject::connect(&m_signals, &SignalWatcher::terminationRequested, &loop, [&](int signalNumber) {
        if (stopping)
            return; // a second Ctrl+C while draining changes nothing
        stopping = true;
        m_log.write(u"info"_s, u"server.stopping"_s, QJsonObject{ { u"signal"_s, signalNumber } });
        // Handlers answer synchronously, so no handler is half-way through
        // here; what remains is bytes on their way out.
        m_http.stopAccepting();
        m_live.closeAll();
        drainDeadline.setRemainingTime(kDrainTimeoutMs);
        drain.start();
    });
    loop.exec();
    return ExitCode::Ok;
}

} // namespace callos::server
