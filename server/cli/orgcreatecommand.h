#pragma once

#include "accounts/neworganisation.h"
#include "cli/exitcode.h"

#include <QCoreApplication>

class QIODevice;
class QTextStream;

namespace callos::server {

class OrganisationBootstrap;
class PasswordGenerator;

// `callos-server org create --name NAME --admin-email EMAIL`: the admin's
// password comes from standard input when that is a pipe or file with
// something in it (scripts, secret managers); otherwise one is generated and
// printed once, since it is stored only as a hash.
class OrgCreateCommand
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::OrgCreateCommand)

public:
    OrgCreateCommand(OrganisationBootstrap &bootstrap, const PasswordGenerator &generator);

    // `input` is read only when `inputIsTerminal` is false (a terminal would
    // wait for typing nobody was asked for).
    ExitCode run(const NewOrganisation &request, QIODevice &input, bool inputIsTerminal, QTextStream &out,
        QTextStream &err);

private:
    OrganisationBootstrap &m_bootstrap;
    const PasswordGenerator &m_generator;
};

} // namespace callos::server
