#include "cli/orgcreatecommand.h"

#include "accounts/organisationbootstrap.h"
#include "auth/passwordgenerator.h"

#include <QIODevice>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Refusals about what the operator asked for (exit 2), as opposed to the
// database failing (exit 1).
bool isBadInput(const Refusal &refusal)
{
    return refusal.code.startsWith(u"accounts."_s) || refusal.code.startsWith(u"auth.password_"_s);
}

} // namespace

OrgCreateCommand::OrgCreateCommand(OrganisationBootstrap &bootstrap, const PasswordGenerator &generator)
    : m_bootstrap(bootstrap)
    , m_generator(generator)
{
}

ExitCode OrgCreateCommand::run(
    const NewOrganisation &request, QIODevice &input, bool inputIsTerminal, QTextStream &out, QTextStream &err)
{
    QString password;
    if (!inputIsTerminal) {
        // One line: `echo "$PASSWORD" | callos-server org create ...` adds a
        // newline that is not part of the password.
        QString text = QString::fromUtf8(input.readAll());
        const qsizetype newline = text.indexOf(u'\n');
        if (newline >= 0)
            text.truncate(newline);
        if (text.endsWith(u'\r'))
            text.chop(1);
        password = text;
    }
    const bool generated = password.isEmpty();
    if (generated)
        password = m_generator.generate();

    const Result<CreatedOrganisation> created = m_bootstrap.create(request, password);
    if (!created) {
        err << u"callos-server: "_s << created.refusal().message << Qt::endl;
        return isBadInput(created.refusal()) ? ExitCode::BadInput : ExitCode::Failed;
    }
    out << tr("Created organisation \"%1\" (id %2).").arg(created.value().name, created.value().orgId) << u'\n';
    out << tr("Admin: %1 (id %2)").arg(created.value().adminEmail, created.value().adminUserId) << u'\n';
    if (generated) {
        out << tr("Admin password (shown only this once; store it now): %1").arg(password) << u'\n';
    } else {
        out << tr("Admin password: the one given on standard input.") << u'\n';
    }
    out.flush();
    return ExitCode::Ok;
}

} // namespace callos::server
