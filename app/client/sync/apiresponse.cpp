#include "client/sync/apiresponse.h"

using namespace Qt::StringLiterals;

namespace callos::client {

bool ApiProblem::endsSession() const
{
    // auth.required: we sent no token at all, which for a signed-in app means
    // the same thing: sign in again.
    return kind == Kind::Http && status == 401
        && (code == u"auth.invalid_token"_s || code == u"auth.session_expired"_s || code == u"auth.required"_s);
}

bool ApiProblem::isTransient() const
{
    switch (kind) {
    case Kind::Unreachable:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return status == 408 || status == 429 || status >= 500;
    case Kind::BadAnswer:
        // A proxy or captive portal in the way answers HTML: it may go away.
        return true;
    case Kind::Cancelled:
        return false;
    }
    return false;
}

ApiProblem ApiProblem::badAnswer(const QString &what)
{
    ApiProblem problem;
    problem.kind = Kind::BadAnswer;
    problem.code = u"net.bad_answer"_s;
    problem.message = tr("The server's answer is missing %1. Is this the address of a CallOS server?").arg(what);
    return problem;
}

} // namespace callos::client
