#include "cli/demoseedcommand.h"

#include "demo/demoaccountsfile.h"
#include "demo/democontent.h"
#include "demo/demoorganisation.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Refusals about the database the operator named (exit 2), as opposed to the
// database or the disk failing (exit 1).
bool isBadInput(const Refusal &refusal)
{
    return refusal.code == u"demo.name_taken"_s || refusal.code == u"demo.database_in_use"_s;
}

} // namespace

DemoSeedCommand::DemoSeedCommand(DemoOrganisation &demo, const DemoAccountsFile &accounts)
    : m_demo(demo), m_accounts(accounts)
{ }

ExitCode DemoSeedCommand::run(QTextStream &out, QTextStream &err)
{
    const QString name = DemoContent::organisationName();
    const Result<DemoSeeding> seeding = m_demo.ensureOrganisation();
    if (!seeding) {
        err << u"callos-server: "_s << seeding.refusal().message << Qt::endl;
        return isBadInput(seeding.refusal()) ? ExitCode::BadInput : ExitCode::Failed;
    }

    ExitCode exit = ExitCode::Ok;
    bool passwordsKept = true;
    if (seeding.value().created) {
        if (auto refusal = m_accounts.write(name, seeding.value().accounts)) {
            // The passwords exist nowhere else (the database keeps hashes).
            err << u"callos-server: "_s << refusal->message << Qt::endl;
            out << tr("The demo accounts' passwords, shown only this once:") << u'\n';
            for (const DemoCredentials &account : seeding.value().accounts)
                out << u"  "_s << account.role.leftJustified(8) << u' ' << account.email.leftJustified(26) << u' '
                    << account.password << u'\n';
            passwordsKept = false;
            exit = ExitCode::Failed;
        }
    }

    // Even when the file could not be written: the accounts work, and the
    // calls make the demo.
    const Result<int> played = m_demo.playMissingCalls(seeding.value().orgId);
    if (!played) {
        err << u"callos-server: "_s << played.refusal().message << Qt::endl;
        return ExitCode::Failed;
    }

    if (seeding.value().created) {
        out << tr("Created the demo organisation \"%1\" (id %2) with %3 accounts, %4 prospects and %5 finished calls.")
                   .arg(name, seeding.value().orgId)
                   .arg(DemoContent::accounts().size())
                   .arg(DemoContent::prospects().size())
                   .arg(played.value())
            << u'\n';
        for (const DemoCredentials &account : seeding.value().accounts)
            out << u"  "_s << account.role.leftJustified(8) << u' ' << account.email.leftJustified(26) << u' '
                << account.displayName << u'\n';
    } else if (played.value() > 0) {
        out << tr("The demo organisation \"%1\" (id %2) was only partly seeded; added %3 of its finished calls.")
                   .arg(name, seeding.value().orgId)
                   .arg(played.value())
            << u'\n';
    } else {
        out << tr("The demo organisation \"%1\" already exists (id %2); nothing changed.")
                   .arg(name, seeding.value().orgId)
            << u'\n';
    }

    if (passwordsKept) {
        if (m_accounts.exists()) {
            out << tr("Its accounts and their passwords are in %1 (only you can read it).").arg(m_accounts.path())
                << u'\n';
        } else {
            err << tr("callos-server: the demo accounts' passwords were written to %1 when the organisation was "
                      "seeded, and that file is gone. To start afresh, seed an empty database (remove this one, or "
                      "name another with --data-dir or --db).")
                       .arg(m_accounts.path())
                << Qt::endl;
        }
    }
    if (seeding.value().created)
        out << tr("LOCAL DEMO ONLY: these accounts are for trying CallOS on this computer. Never seed a server that "
                  "other people can reach.")
            << u'\n';
    out.flush();
    return exit;
}

} // namespace callos::server
