// The OpenAPI document (resources/api/openapi.json), as GET /api/v1/openapi.json
// serves it over real HTTP on loopback, checked against the live route table
// of ServerApp, so neither can drift: every route is documented and every
// documented operation is routed, with the role (x-callos-role), the body
// limit (x-callos-max-body-bytes), a 401 wherever a token is needed, its path
// parameters declared, and every $ref resolving. The document does not
// depend on the database, so SQLite is enough.
#include "api/openapiroutes.h"
#include "apiharness.h"
#include "http/httprouter.h"
#include "testdatabases.h"

#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QStringList kOperationKeys{ u"get"_s, u"put"_s, u"post"_s, u"delete"_s, u"options"_s, u"head"_s, u"patch"_s,
    u"trace"_s };

QString methodKey(HttpExchange::Method method)
{
    switch (method) {
    case HttpExchange::Method::Get:
        return u"get"_s;
    case HttpExchange::Method::Put:
        return u"put"_s;
    case HttpExchange::Method::Post:
        return u"post"_s;
    case HttpExchange::Method::Delete:
        return u"delete"_s;
    case HttpExchange::Method::Options:
        return u"options"_s;
    case HttpExchange::Method::Head:
        return u"head"_s;
    case HttpExchange::Method::Patch:
        return u"patch"_s;
    case HttpExchange::Method::Trace:
        return u"trace"_s;
    default:
        break;
    }
    return u"unknown(%1)"_s.arg(int(method));
}

QString roleName(Access access)
{
    switch (access) {
    case Access::Public:
        return u"public"_s;
    case Access::Agent:
        return u"agent"_s;
    case Access::Manager:
        return u"manager"_s;
    case Access::Admin:
        return u"admin"_s;
    }
    return {};
}

QString patternOf(const HttpRouter::Route &route)
{
    return u"/"_s + route.segments.join(u'/');
}

// "/api/v1/calls/{id}" -> {"id"}
QStringList pathParameterNames(const QString &pattern)
{
    QStringList names;
    for (const QString &segment : pattern.split(u'/', Qt::SkipEmptyParts)) {
        if (segment.startsWith(u'{') && segment.endsWith(u'}'))
            names.append(segment.mid(1, segment.size() - 2));
    }
    return names;
}

// A local reference ("#/components/schemas/Call"), or std::nullopt.
std::optional<QJsonValue> resolve(const QJsonObject &document, const QString &ref)
{
    if (!ref.startsWith(u"#/"_s))
        return std::nullopt;
    QJsonValue at = document;
    for (QString token : ref.mid(2).split(u'/')) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (!at.isObject() || !at.toObject().contains(token))
            return std::nullopt;
        at = at.toObject().value(token);
    }
    return at;
}

// The object itself, or what its $ref names (one level, as components are written).
QJsonObject dereferenced(const QJsonObject &document, const QJsonObject &object)
{
    if (!object.contains(u"$ref"_s))
        return object;
    return resolve(document, object.value(u"$ref"_s).toString()).value_or(QJsonValue()).toObject();
}

void collectRefs(const QJsonValue &value, const QString &where, QList<QPair<QString, QString>> &refs)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == u"$ref"_s)
                refs.append({ where, it.value().toString() });
            else
                collectRefs(it.value(), where + u'/' + it.key(), refs);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectRefs(array.at(i), where + u'/' + QString::number(i), refs);
    }
}

// Every documented response, as ("GET /api/v1/x 404", its status, the
// response object with its $ref resolved).
struct DocumentedResponse
{
    QString name;
    QString status;
    QJsonObject response;
};

QList<DocumentedResponse> documentedResponses(const QJsonObject &document)
{
    QList<DocumentedResponse> out;
    const QJsonObject paths = document.value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto key = item.begin(); key != item.end(); ++key) {
            if (!kOperationKeys.contains(key.key()))
                continue;
            const QJsonObject responses = key.value().toObject().value(u"responses"_s).toObject();
            for (auto response = responses.begin(); response != responses.end(); ++response)
                out.append({ u"%1 %2 %3"_s.arg(key.key().toUpper(), path.key(), response.key()), response.key(),
                    dereferenced(document, response.value().toObject()) });
        }
    }
    return out;
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void servedOverHttp();
    void everyRouteIsDocumented();
    void everyDocumentedOperationIsRouted();
    void rolesAndLimitsMatchTheRouter();
    void pathParametersAreDeclared();
    void errorsUseTheErrorShape();
    void redirectsNameTheirLocation();
    void everyRefResolves();

private:
    // The document as served; fails the test when it is not.
    QJsonObject fetch();
    const HttpRouter::Route *route(const QString &pattern, const QString &method) const;

    std::unique_ptr<TestDatabases> m_databases;
    std::unique_ptr<ApiHarness> m_api;
};

void TestOpenApi::init()
{
    m_databases = std::make_unique<TestDatabases>();
    const auto settings = m_databases->create(TestDatabases::currentBackend());
    QVERIFY2(settings.ok(), TestDatabases::why(settings).constData());
    m_api = std::make_unique<ApiHarness>(settings.value());
    QVERIFY2(m_api->isReady(), qPrintable(m_api->why()));
}

void TestOpenApi::cleanup()
{
    m_api.reset();
    m_databases.reset();
}

QJsonObject TestOpenApi::fetch()
{
    const ApiReply reply = m_api->get(u"/api/v1/openapi.json"_s);
    if (reply.status != 200) {
        qWarning("GET /api/v1/openapi.json: %d %s", reply.status, reply.body.constData());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(reply.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qWarning("openapi.json does not parse: %s at byte %d", qPrintable(error.errorString()), int(error.offset));
        return {};
    }
    return document.object();
}

const HttpRouter::Route *TestOpenApi::route(const QString &pattern, const QString &method) const
{
    for (const HttpRouter::Route &candidate : m_api->app().http().router().routes()) {
        if (patternOf(candidate) == pattern && methodKey(candidate.method) == method)
            return &candidate;
    }
    return nullptr;
}

void TestOpenApi::servedOverHttp()
{
    const ApiReply reply = m_api->get(u"/api/v1/openapi.json"_s); // no token: public
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type").constData());
    QFile embedded(OpenApiRoutes::kEmbeddedPath);
    QVERIFY(embedded.open(QIODevice::ReadOnly));
    QCOMPARE(reply.body, embedded.readAll());

    const QJsonObject document = fetch();
    QVERIFY(!document.isEmpty());
    QVERIFY2(document.value(u"openapi"_s).toString().startsWith(u"3."_s),
        qPrintable(document.value(u"openapi"_s).toString()));
    QCOMPARE(document[u"info"_s][u"title"_s].toString(), u"CallOS API"_s);
    QCOMPARE(document[u"info"_s][u"version"_s].toString(), u"1"_s);
    QVERIFY(document.value(u"paths"_s).toObject().size() > 0);
    QCOMPARE(document[u"components"_s][u"securitySchemes"_s][u"bearerAuth"_s][u"scheme"_s].toString(), u"bearer"_s);
}

void TestOpenApi::everyRouteIsDocumented()
{
    const QJsonObject paths = fetch().value(u"paths"_s).toObject();
    QVERIFY(!paths.isEmpty());
    QStringList missing;
    for (const HttpRouter::Route &route : m_api->app().http().router().routes()) {
        const QString pattern = patternOf(route);
        const QString method = methodKey(route.method);
        if (!paths.value(pattern).toObject().contains(method))
            missing.append(method.toUpper() + u' ' + pattern);
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(u"routes missing from resources/api/openapi.json: "_s + missing.join(u", "_s)));
}

void TestOpenApi::everyDocumentedOperationIsRouted()
{
    const QJsonObject paths = fetch().value(u"paths"_s).toObject();
    QVERIFY(!paths.isEmpty());
    QStringList unrouted;
    int operations = 0;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto key = item.begin(); key != item.end(); ++key) {
            if (!kOperationKeys.contains(key.key()))
                continue;
            ++operations;
            if (!route(path.key(), key.key()))
                unrouted.append(key.key().toUpper() + u' ' + path.key());
        }
    }
    QVERIFY2(unrouted.isEmpty(), qPrintable(u"documented but not routed: "_s + unrouted.join(u", "_s)));
    QCOMPARE(operations, int(m_api->app().http().router().routes().size()));
}

void TestOpenApi::rolesAndLimitsMatchTheRouter()
{
    const QJsonObject document = fetch();
    const QJsonObject paths = document.value(u"paths"_s).toObject();
    QVERIFY(!paths.isEmpty());
    QVERIFY2(document.value(u"security"_s).toArray().size() == 1
            && document[u"security"_s][0].toObject().contains(u"bearerAuth"_s),
        "the document's default security must be bearerAuth");
    QStringList wrong;
    for (const HttpRouter::Route &route : m_api->app().http().router().routes()) {
        const QString name = methodKey(route.method).toUpper() + u' ' + patternOf(route);
        const QJsonObject operation = paths.value(patternOf(route)).toObject().value(methodKey(route.method)).toObject();
        if (operation.isEmpty())
            continue; // everyRouteIsDocumented() names it
        const bool isPublic = route.options.access == Access::Public;
        const QString role = operation.value(u"x-callos-role"_s).toString();
        if (role != roleName(route.options.access))
            wrong.append(u"%1: x-callos-role is \"%2\", the router says %3"_s.arg(name, role, roleName(route.options.access)));
        const QJsonObject responses = operation.value(u"responses"_s).toObject();
        if (!isPublic && !responses.contains(u"401"_s))
            wrong.append(u"%1: needs a token but documents no 401"_s.arg(name));
        // Public operations say so with "security": []; the others use the default (bearer).
        const bool openSecurity = operation.contains(u"security"_s) && operation.value(u"security"_s).toArray().isEmpty();
        if (isPublic != openSecurity)
            wrong.append(u"%1: security must be [] exactly when the route is public"_s.arg(name));
        const qint64 limit = operation.value(u"x-callos-max-body-bytes"_s).toInteger(-1);
        if (limit != route.options.maxBodyBytes)
            wrong.append(u"%1: x-callos-max-body-bytes is %2, the router says %3"_s.arg(name).arg(limit).arg(
                route.options.maxBodyBytes));
        if (responses.isEmpty())
            wrong.append(u"%1: no responses"_s.arg(name));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

void TestOpenApi::pathParametersAreDeclared()
{
    const QJsonObject document = fetch();
    const QJsonObject paths = document.value(u"paths"_s).toObject();
    QVERIFY(!paths.isEmpty());
    QStringList wrong;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QStringList expected = pathParameterNames(path.key());
        const QJsonObject item = path.value().toObject();
        for (auto key = item.begin(); key != item.end(); ++key) {
            if (!kOperationKeys.contains(key.key()))
                continue;
            QSet<QString> declared;
            const QJsonArray lists[] = { item.value(u"parameters"_s).toArray(),
                key.value().toObject().value(u"parameters"_s).toArray() };
            for (const QJsonArray &list : lists) {
                for (const QJsonValue &entry : list) {
                    const QJsonObject parameter = dereferenced(document, entry.toObject());
                    if (parameter.value(u"in"_s).toString() != u"path"_s)
                        continue;
                    declared.insert(parameter.value(u"name"_s).toString());
                    if (!parameter.value(u"required"_s).toBool())
                        wrong.append(u"%1 %2: path parameter %3 must be required"_s.arg(
                            key.key().toUpper(), path.key(), parameter.value(u"name"_s).toString()));
                }
            }
            if (declared != QSet<QString>(expected.begin(), expected.end()))
                wrong.append(u"%1 %2: declares path parameters {%3}, the path has {%4}"_s.arg(key.key().toUpper(),
                    path.key(), QStringList(declared.begin(), declared.end()).join(u", "_s), expected.join(u", "_s)));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

void TestOpenApi::errorsUseTheErrorShape()
{
    const QList<DocumentedResponse> responses = documentedResponses(fetch());
    QVERIFY(!responses.isEmpty());
    QStringList wrong;
    for (const DocumentedResponse &documented : responses) {
        if (!documented.status.startsWith(u'4') && !documented.status.startsWith(u'5'))
            continue;
        // A page a person opens (the viewer) answers its 404 as a page too.
        if (documented.response[u"content"_s].toObject().keys() == QStringList { u"text/html"_s })
            continue;
        const QString schema
            = documented.response[u"content"_s][u"application/json"_s][u"schema"_s][u"$ref"_s].toString();
        if (schema != u"#/components/schemas/Error"_s)
            wrong.append(documented.name + u": not the Error schema"_s);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
}

void TestOpenApi::redirectsNameTheirLocation()
{
    // 304 Not Modified sends nobody anywhere.
    static const QStringList kRedirects { u"301"_s, u"302"_s, u"303"_s, u"307"_s, u"308"_s };
    QStringList redirects;
    QStringList wrong;
    for (const DocumentedResponse &documented : documentedResponses(fetch())) {
        if (!kRedirects.contains(documented.status))
            continue;
        redirects.append(documented.name);
        if (!documented.response[u"headers"_s].toObject().contains(u"Location"_s))
            wrong.append(documented.name + u": no Location header"_s);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
    // The media route sends S3 recordings' players on with a 302.
    QVERIFY2(redirects.contains(u"GET /api/v1/recordings/{id}/media 302"_s), qPrintable(redirects.join(u", "_s)));
}

void TestOpenApi::everyRefResolves()
{
    const QJsonObject document = fetch();
    QVERIFY(!document.isEmpty());
    QList<QPair<QString, QString>> refs;
    collectRefs(document, QString(), refs);
    QVERIFY(refs.size() > 10);
    QStringList broken;
    for (const auto &[where, ref] : refs) {
        if (!resolve(document, ref))
            broken.append(u"%1 at %2"_s.arg(ref, where));
    }
    QVERIFY2(broken.isEmpty(), qPrintable(u"unresolved $ref: "_s + broken.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
