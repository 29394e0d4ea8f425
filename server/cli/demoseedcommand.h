#pragma once

#include "cli/exitcode.h"

#include <QCoreApplication>

class QTextStream;

namespace callos::server {

class DemoAccountsFile;
class DemoOrganisation;

// `callos-server demo seed`: the demo organisation for trying CallOS on one
// computer (scripts/run), with its accounts' generated passwords written to
// a file only the user can read. Running it again changes nothing; a run
// that was interrupted is finished.
class DemoSeedCommand
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::DemoSeedCommand)

public:
    DemoSeedCommand(DemoOrganisation &demo, const DemoAccountsFile &accounts);

    ExitCode run(QTextStream &out, QTextStream &err);

private:
    DemoOrganisation &m_demo;
    const DemoAccountsFile &m_accounts;
};

} // namespace callos::server
