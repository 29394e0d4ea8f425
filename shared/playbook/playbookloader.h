#pragma once

#include "json/jsonfile.h"
#include "json/validationerrors.h"
#include "playbook/playbook.h"

namespace callos {

// Reads a playbook file and checks every rule of docs/playbook-format.md,
// reporting all errors at once. A playbook with any error is not returned.
class PlaybookLoader
{
public:
    static constexpr int kSchemaVersion = 1;

    static Validated<Playbook> loadFile(const QString &path, const JsonLimits &limits = {});
    // `fileName` names the source in error messages.
    static Validated<Playbook> parse(const QByteArray &bytes, const QString &fileName,
                                     const JsonLimits &limits = {});
};

} // namespace callos
